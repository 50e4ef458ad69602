/**
 * The backend service in plain Node: the store, the live documents and the contract's
 * handlers. The Electron shell and the browser shell both start it with `openBackend`
 * and route calls to a connection's handlers through `dispatch` (shared/api/dispatch.ts).
 */

/** Opens the backend on a data directory; see backend.ts for the contract. */
export { openBackend, type Backend, type BackendOptions } from './backend.js';
/** The default data directory ($PENHOLDER_DATA_DIR, else the platform's user-data folder). */
export { defaultDataDir, type DataDirEnvironment } from './data-dir.js';
/** The callback a connection receives its pushed events through. */
export type { Send } from './context.js';
/** Why the store could not be opened; its message is meant for the user. */
export { StoreError, type StoreErrorCode } from '../store/open-database.js';
