/**
 * An expected failure (bad input, bad usage): the CLI prints its message as one line on stderr,
 * without a stack trace, and exits with its code (1 failure, 2 bad usage).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
