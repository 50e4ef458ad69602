/**
 * The backend service in plain Node: the store, the live documents and the contract's
 * handlers. The Electron shell and the browser shell both start it with `openBackend`
 * and route calls to a connection's handlers through `dispatch` (shared/api/dispatch.ts).
 */
export { openBackend, type Backend, type BackendOptions } from './backend.js';
export { defaultDataDir, type DataDirEnvironment } from './data-dir.js';
export type { Send } from './handlers.js';
export { StoreError, type StoreErrorCode } from '../store/open-database.js';
