export async function runGenerateCommand(_argv: string[]): Promise<number> {
  return 0;
}
