/**
 * A problem with how ocp-image was invoked or configured (bad option, bad config file, a pattern
 * that matches nothing). Reported as one clear line on stderr with exit code 2, never a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes, as documented in docs/cli.md. */
export const ExitCode = {
  /** No errors, and warnings within `--max-warnings`. */
  ok: 0,
  /** Errors found, or more warnings than `--max-warnings`. */
  problems: 1,
  /** Usage, configuration or internal error. */
  failure: 2,
} as const;
