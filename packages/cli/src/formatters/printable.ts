/**
 * A file name as text output shows it: with control characters escaped as in JSON. A line break
 * in a name (a pull request can add such a file) would otherwise start a new output line that
 * CI systems may read as a command, e.g. GitHub's `::error` workflow commands.
 */
export function printablePath(filePath: string): string {
  for (let index = 0; index < filePath.length; index++) {
    if (filePath.charCodeAt(index) < 0x20) return JSON.stringify(filePath).slice(1, -1);
  }
  return filePath;
}
