/** Where a command writes: stdout carries only its own output, stderr everything else. */
export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  /** Where the user typed the command, for the project config (default: `process.cwd()`). */
  directory?: string | undefined;
}

/** A failure the user can fix: printed as one line, exit code 1. */
export class CliError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** The command line itself is wrong (a missing or extra argument): exit code 2. */
export class UsageError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}
