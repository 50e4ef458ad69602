/** An error the CLI reports as one line on stderr with exit code 1 (no stack trace). */
export class CliError extends Error {
  /** Creates an error whose message is shown to the user as is. */
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
