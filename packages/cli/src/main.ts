import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ExitCode, UsageError } from './errors.js';
import { repositoryUrl } from '@ocp-image/validator/docs-url';
import { cliVersion } from './project.js';

const formats = ['stylish', 'json', 'sarif', 'junit', 'github', 'compact'] as const;

function integer(minimum: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < minimum) {
      throw new InvalidArgumentError(`expected an integer ≥ ${minimum}.`);
    }
    return parsed;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const validateHelp = `
Files, directories and glob patterns may be mixed; directories are searched for .yaml, .yml and
.json files (never inside node_modules or .git). JSONC configs such as tsconfig.json or
.vscode/*.json, and package-lock.json, are never read. "-" reads standard input. Without paths the
working directory is validated. "ocp-image <paths>" is short for "ocp-image validate <paths>".

Files that the working directory's .gitignore ignores are skipped (as Prettier does), unless
--no-gitignore. Configuration: ocp-image.config.json, .yaml or .yml, found from the working
directory upward (or --config); command-line flags override it.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration or internal error.

Examples:
  ocp-image examples/
  ocp-image validate --format sarif --output-file ocp-image.sarif 'deploy/**/*.yaml'
  oc get is -o yaml | ocp-image validate - --stdin-filename cluster.yaml`;

function buildProgram(run: (action: () => Promise<number>) => void): Command {
  const program = new Command('ocp-image')
    .description('Validate OpenShift image.openshift.io/v1 manifests offline, as the API server would.')
    .version(cliVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`ocp-image: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(ocp-image --help shows the usage)')
    .addHelpText(
      'after',
      `
"ocp-image <paths>" is short for "ocp-image validate <paths>"; "ocp-image validate --help" lists
its options. Exit codes: 0 no errors, 1 errors found, 2 usage, configuration or internal error.
Documentation: ${repositoryUrl}/blob/main/docs/cli.md`,
    );

  program
    .command('validate', { isDefault: true })
    .description('validate manifests (the default command)')
    .argument('[paths...]', 'files, directories, glob patterns, or - for standard input')
    .option('--strict', 'report unknown fields as errors')
    .option('--no-strict', 'do not, even if the config says so')
    .option('--rule <id=severity>', 'set a rule to off, warn or error (repeatable)', collect, [])
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer(-1), -1)
    .option('--quiet', 'report errors only')
    .option('-j, --jobs <n>', 'worker threads (default: one per CPU core, fewer for few files)', integer(1))
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('--ignore-pattern <pattern>', 'skip matching files, .gitignore style (repeatable)', collect, [])
    .option('--gitignore', "skip the files that the working directory's .gitignore ignores (the default)")
    .option('--no-gitignore', 'do not, even if the config says so')
    .option('--stdin-filename <name>', 'the file name to report for standard input')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a path or pattern selects no file')
    .option('--report-unused-disable-directives', 'report ocp-image-disable comments that suppress nothing (as errors)')
    .option('--fix', 'apply the safe fixes to the files and report what remains')
    .option('--fix-dry-run', 'apply the safe fixes without writing them (the json format shows the fixed text as "output")')
    .option('--fix-type <category>', 'fix only rules of this category: syntax, schema, server, docs or lint (repeatable)', collect, [])
    .option('--cache', 'reuse the results of files unchanged since the last --cache run')
    .option('--cache-location <path>', 'the cache file, or a directory for it (default: .ocp-image-cache)')
    .addOption(
      new Option('--cache-strategy <strategy>', 'how unchanged files are recognised: by size and time, or by content')
        .choices(['metadata', 'content'])
        .default('metadata'),
    )
    .addHelpText('after', validateHelp)
    .action((paths: string[], options) => run(async () => (await import('./commands/validate.js')).runValidate(paths, options)));

  program
    .command('explain')
    .description('describe a kind or one of its fields, like oc explain (offline)')
    .argument('<kind.field.path>', 'e.g. ImageStream or ImageStream.spec.tags.from')
    .option('-r, --recursive', 'list all nested fields')
    .action((query: string, options) => run(async () => (await import('./commands/explain.js')).runExplain(query, options)));

  program
    .command('schema')
    .description('print the JSON Schema of a kind')
    .argument('<kind>', 'e.g. ImageStream')
    .option('--strict', 'the strict schema: unknown fields are not allowed')
    .action((kind: string, options) => run(async () => (await import('./commands/schema.js')).runSchema(kind, options)));

  program
    .command('decode')
    .description('print what oc apply -f would send for each document, or where it fails to decode')
    .argument('<paths...>', 'files, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'yaml']).default('json'))
    .action((paths: string[], options) => run(async () => (await import('./commands/decode.js')).runDecode(paths, options)));

  program
    .command('rules')
    .description('list the rules with their default severities and documentation')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options) => run(async () => (await import('./commands/rules.js')).runRules(options)));

  return program;
}

function debugEnabled(): boolean {
  const value = process.env.OCP_IMAGE_DEBUG;
  return value !== undefined && value !== '' && value !== '0';
}

function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`ocp-image: ${error.message}\n`);
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  const where = error instanceof Error && 'filePath' in error ? ` while checking ${String(error.filePath)}` : '';
  process.stderr.write(`ocp-image: internal error${where}: ${message.split('\n')[0]}\n`);
  if (debugEnabled()) {
    const stack = error instanceof Error ? (('detail' in error && typeof error.detail === 'string' && error.detail) || error.stack) : undefined;
    if (stack) process.stderr.write(`${stack}\n`);
  } else {
    process.stderr.write('ocp-image: this is a bug; set OCP_IMAGE_DEBUG=1 to see where it happened.\n');
  }
  return ExitCode.failure;
}

/**
 * `ocp-image valdate x/`: a first argument that is no command, no existing path and no glob, but
 * close to a command's name, is a mistyped command rather than a file that does not exist. The
 * message, or undefined when the argument is to be validated as a path.
 */
async function mistypedCommand(argv: readonly string[], program: Command): Promise<string | undefined> {
  const [first] = argv;
  if (first === undefined || first.startsWith('-')) return undefined;
  const names = ['help', ...program.commands.flatMap((command) => [command.name(), ...command.aliases()])];
  if (names.includes(first) || /[*?[\]{}!]/.test(first)) return undefined;
  const { existsSync } = await import('node:fs');
  if (existsSync(first)) return undefined;
  const { closestMatch } = await import('@ocp-image/validator/suggest');
  const suggestion = closestMatch(first, names);
  return suggestion === undefined ? undefined : `Unknown command ${first}; did you mean ${suggestion}? (a file of that name does not exist either)`;
}

/** Runs the command line (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { ignoreBrokenPipe } = await import('./output.js');
  ignoreBrokenPipe();
  let pending: Promise<number> | undefined;
  const program = buildProgram((action) => {
    pending = action();
  });
  try {
    const typo = await mistypedCommand(argv, program);
    if (typo) {
      process.stderr.write(`ocp-image: ${typo}\n(ocp-image --help shows the usage)\n`);
      return ExitCode.failure;
    }
    await program.parseAsync(argv, { from: 'user' });
    return pending ? await pending : ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.failure;
    }
    return reportFailure(error);
  }
}
