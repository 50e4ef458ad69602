import { z } from 'zod';

/**
 * The argument building blocks every part of the API contract shares (contract.ts and the
 * consultation channels in consultation-contract.ts), so an id or a binary update is
 * checked the same way on every channel.
 */

/** An id argument (document, revision, paragraph): a non-empty string of at most 200 characters. */
export const idArg = z.string().min(1).max(200);

/** A binary argument (a Yjs update or relative position): a Uint8Array. */
export const bytesArg = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected binary data (Uint8Array)' });
