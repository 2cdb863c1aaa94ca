/**
 * Helm chart templates are Go templates, not manifests: the front ends skip every file below a
 * chart's `templates/` directory. Its own module (and package subpath) so that the CLI's main
 * thread can ask without loading the validator.
 */

/**
 * The directories that are Helm charts if they hold a `Chart.yaml`: each parent of a `templates`
 * directory on the way to the file (Helm renders everything below `templates/`, at any depth).
 * Pure: the caller checks for `Chart.yaml`.
 */
export function chartDirectoryCandidates(filePath: string): string[] {
  const candidates: string[] = [];
  for (const match of filePath.matchAll(/(?:^|[\\/])templates[\\/]/g)) {
    const directory = filePath.slice(0, match.index);
    // At the start: the root directory, or the working directory of a relative path.
    candidates.push(directory || (match[0].startsWith('templates') ? '.' : match[0].charAt(0)));
  }
  return candidates;
}
