import { ApiError, type Handlers } from '../../shared/api/contract.js';
import type { BackendContext, Connection } from './context.js';

type FileChannels = 'files.inspect' | 'files.import' | 'files.export' | 'files.cancel';

/**
 * The file channels (import and export of Word, Akoma Ntoso, PDF and text) for one
 * connection. Work in progress: until electron/files/ is wired in, inspect, import and
 * export answer 'internal'; cancel answers ok.
 */
export function createFileHandlers(ctx: BackendContext, conn: Connection): Pick<Handlers, FileChannels> {
  void conn;
  const pending = async (): Promise<never> => {
    ctx.assertOpen();
    throw new ApiError('internal', 'File import and export are not wired in yet.');
  };
  return {
    'files.inspect': pending,
    'files.import': pending,
    'files.export': pending,
    'files.cancel': async () => ({ ok: true as const }),
  };
}
