import { ApiError, apiErrorOf, type ApiErrorShape, type Handlers } from '../../shared/api/contract.js';
import { InvalidDocumentError } from '../../shared/document/validate.js';
import { FormatError } from '../../shared/formats/types.js';
import { ImportError } from '../../shared/import/normalize.js';
import { NegotiationError } from '../../shared/negotiation/paragraph-ops.js';
import { DeadlineError } from '../../shared/record/deadline.js';
import { StoreError, type StoreErrorCode } from '../store/open-database.js';

// Error classes whose every instance is input refused as it stands: a file or text that is not
// one we read, a document that is not of the schema, a negotiation step or deadline that cannot be.
const refusedInput = [FormatError, ImportError, InvalidDocumentError, NegotiationError, DeadlineError];

// A store error says what went wrong by its code; only a missing thing and a step the data does
// not allow are the caller's. A store that cannot be opened or written stays an internal failure.
const storeCodes: Partial<Record<StoreErrorCode, ApiErrorShape['code']>> = { missing: 'not-found', refused: 'invalid-argument' };

/**
 * The API code an error of ours already says it is, by its class (and a StoreError by its
 * code): 'not-found' for a thing the store does not have, 'invalid-argument' for input or a
 * step refused as it stands. Undefined for an ApiError (it has its code) and for anything
 * else (a full disk, a library that cannot be opened, a bug), which dispatch makes 'internal'.
 */
export function failureCode(err: unknown): ApiErrorShape['code'] | undefined {
  if (err instanceof ApiError) return undefined;
  if (err instanceof StoreError) return storeCodes[err.code];
  return refusedInput.some((kind) => err instanceof kind) ? 'invalid-argument' : undefined;
}

/**
 * `handlers` with one rule for what they throw: an error that says its kind of failure
 * (see `failureCode`) becomes an ApiError of that code with its message and catalogue text,
 * so the renderer can act on "not found" or "refused" and say it in its own language. Every
 * other error passes unchanged (dispatch makes it 'internal').
 */
export function withFailureCodes(handlers: Handlers): Handlers {
  const wrapped = Object.entries(handlers).map(([channel, handler]) => {
    const call = handler as (args: unknown) => Promise<unknown>;
    const guarded = async (args: unknown) => {
      try {
        return await call(args);
      } catch (err) {
        const code = failureCode(err);
        throw code ? apiErrorOf(code, err) : err;
      }
    };
    return [channel, guarded] as const;
  });
  return Object.fromEntries(wrapped) as Handlers;
}
