/** The CLI's view of its process: output streams, environment, working directory. Tests fake it. */

export interface CliIo {
  /** Write to stdout (text as given, no newline added). */
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** True when stderr is a terminal (progress lines may be rewritten in place). */
  readonly stderrIsTty: boolean;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTty: process.stderr.isTTY,
  };
}

/** A usage mistake: the message is shown with the command's usage and the exit code is 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'usage';
}
