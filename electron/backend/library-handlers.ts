import { ApiError, type Handlers } from '../../shared/api/contract.js';
import type { BackendContext, Connection } from './context.js';

type LibraryChannels = 'library.add' | 'library.search' | 'library.stats' | 'library.provenance';

/**
 * The library channels (see shared/api/library-contract.ts) for one connection. This first
 * version refuses every call with 'internal' and a sentence saying the library is not built
 * yet, so the contract can be consumed while electron/library/ is written.
 */
export function createLibraryHandlers(ctx: BackendContext, conn: Connection): Pick<Handlers, LibraryChannels> {
  void conn;
  const refuse = async (): Promise<never> => {
    ctx.assertOpen();
    throw new ApiError('internal', 'The library of adopted texts is not available in this build yet.');
  };
  return {
    'library.add': refuse,
    'library.search': refuse,
    'library.stats': refuse,
    'library.provenance': refuse,
  };
}
