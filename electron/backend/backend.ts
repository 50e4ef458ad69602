import path from 'node:path';
import type { Handlers } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/contract.js';
import { holdLibrary } from '../library/library.js';
import { openStore } from '../store/store.js';
import type { StoreLocation } from '../store/open-database.js';
import { createAutosave } from './autosave.js';
import { broadcast, type BackendContext, type Connection, type Send } from './context.js';
import { withFailureCodes } from './error-codes.js';
import { createHandlers } from './handlers.js';
import { createLiveDocuments } from './live-documents.js';
import { observeApplies } from '../consultation/handlers.js';
import { createConsultationService } from '../consultation/service.js';
import { msg } from '../../shared/i18n/message.js';

/**
 * Where the backend keeps its data; `nativeBinding` loads better-sqlite3 built for Electron;
 * `now` is the clock of stored times and of the autosave rule (tests inject one).
 */
export type BackendOptions = StoreLocation;

/** The backend service: owns the store and the live documents, serves any number of renderers. */
export type Backend = {
  /**
   * One connection = one renderer; its handlers implement the whole contract. `send`
   * receives the events for this renderer. `close()` ends the connection and releases the
   * documents it held; it is idempotent.
   */
  connect(send: Send): { handlers: Handlers; close(): void };
  /** Ends every connection and closes the store (SQLite has committed every accepted write). Idempotent. */
  close(): Promise<void>;
};

/**
 * Opens the store in `dataDir` (creating or migrating it) and returns the backend service.
 * Rejects with a StoreError, whose message is meant for the user, when the data cannot be used.
 */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const store = openStore(options);
  const connections = new Set<Connection>();
  const now = options.now ?? (() => new Date());
  const autosave = createAutosave(store, now, (docId) => broadcast(ctx, 'revisions.changed', { docId }, (c) => c.subscriptions.has(docId)));
  // Accepted updates also reach the consultation being hosted or joined (local ones are sent on).
  const docs = observeApplies(createLiveDocuments(store, { onClose: (id) => autosave.onClose(id) }), (id, update, origin) => ctx.consultation?.onApplied(id, update, origin));
  let closed = false;
  const ctx: BackendContext = {
    store,
    docs,
    connections,
    autosave,
    library: holdLibrary({ dataDir: path.dirname(store.file), nativeBinding: options.nativeBinding }),
    assertOpen: () => {
      if (closed) throw new ApiError('internal', msg('backend:api.shuttingDown'));
    },
  };
  ctx.consultation = createConsultationService(ctx);

  const disconnect = (conn: Connection) => {
    if (!connections.delete(conn)) return;
    conn.subscriptions.clear();
    docs.releaseAll(conn);
  };

  return {
    connect(send) {
      ctx.assertOpen();
      const conn: Connection = { send, subscriptions: new Set() };
      connections.add(conn);
      return { handlers: withFailureCodes(createHandlers(ctx, conn)), close: () => disconnect(conn) };
    },
    async close() {
      if (closed) return;
      closed = true;
      await ctx.consultation?.close().catch(() => undefined);
      for (const conn of [...connections]) disconnect(conn);
      ctx.library?.close();
      store.close();
    },
  };
}

