/** Why the local store could not be opened; stable for callers, shown to people via `message`. */
export type StoreErrorCode = 'newer-version' | 'corrupt' | 'not-penholder' | 'not-writable';

/**
 * An error opening or using the local store. Its message is a complete sentence for the
 * user (no stack trace needed); the CLI and the shells print it as is.
 */
export class StoreError extends Error {
  /** Creates a store error with a stable code and a message for people. */
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
