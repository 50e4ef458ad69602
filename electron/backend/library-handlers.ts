import type { Node } from 'prosemirror-model';
import { ApiError, type Handlers } from '../../shared/api/contract.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import type { Progress } from '../files/formats.js';
import type { AddResult } from '../library/add-files.js';
import type { Library, StoreText } from '../library/library.js';
import type { BackendContext, Connection } from './context.js';
import { runningJobsOf } from './file-handlers.js';
import { docAtSnapshot } from './revision-content.js';
import { msg } from '../../shared/i18n/message.js';

type LibraryChannels = 'library.add' | 'library.search' | 'library.stats' | 'library.provenance';

/**
 * The library channels (see shared/api/library-contract.ts) for one connection, over the
 * backend's one library (electron/library/, opened on first use). `library.add` with a
 * `jobId` pushes `files.progress` to this connection and is stopped by `files.cancel` (it
 * shares the file jobs' registry): 'cancelled', with every source added before the cancel
 * kept whole. Unreadable files are 'invalid-argument' naming the file, unknown documents
 * or revisions 'not-found', a library that cannot be opened 'internal' with its reason.
 */
export function createLibraryHandlers(ctx: BackendContext, conn: Connection): Pick<Handlers, LibraryChannels> {
  const library = (): Library => {
    ctx.assertOpen();
    if (!ctx.library) throw new ApiError('internal', msg('backend:library.noLibrary'));
    // A LibraryError (a library that cannot be opened) is 'internal' with its text by dispatch's rule.
    return ctx.library.get();
  };

  const currentDoc = (id: string): Node => {
    if (!ctx.store.getDocument(id)) throw new ApiError('not-found', msg('backend:store.noDocument', { id }));
    return ctx.docs.use(id, (doc) => yDocToDoc(doc.ydoc));
  };
  const revisionDoc = (revisionId: string, docId?: string): Node => {
    const revision = ctx.store.getRevision(revisionId);
    const snapshot = revision && (docId === undefined || revision.docId === docId) ? ctx.store.readRevisionSnapshot(revisionId) : null;
    if (!revision || !snapshot) throw new ApiError('not-found', docId === undefined ? msg('backend:api.noRevisionWithId', { revision: revisionId }) : msg('backend:api.noRevisionOf', { id: docId, revision: revisionId }));
    return ctx.docs.use(revision.docId, (doc) => docAtSnapshot(doc.ydoc, snapshot));
  };

  return {
    'library.add': async ({ files, documentIds, revisionIds, adopted, jobId }) => {
      const lib = library();
      const jobs = runningJobsOf(ctx);
      if (jobId !== undefined && jobs.has(jobId)) throw new ApiError('invalid-argument', msg('backend:api.jobRunning', { job: jobId }));
      const controller = new AbortController();
      if (jobId !== undefined) jobs.set(jobId, controller);
      const onProgress = (p: Progress) => {
        if (jobId === undefined) return;
        try {
          conn.send('files.progress', { jobId, ...p });
        } catch {
          // A window that went away misses the progress; the job's answer still settles.
        }
      };
      try {
        const texts: StoreText[] = [
          ...(documentIds ?? []).map((id) => ({ key: `store:document:${id}`, doc: currentDoc(id) })),
          ...(revisionIds ?? []).map((id) => ({ key: `store:revision:${id}`, doc: revisionDoc(id) })),
        ];
        const options = { adopted, onProgress, signal: controller.signal };
        const fromFiles = files && files.length > 0 ? await lib.addFiles(files, options) : empty();
        const fromStore = texts.length > 0 ? lib.addDocuments(texts, options) : empty();
        return {
          documents: fromFiles.documents + fromStore.documents,
          paragraphs: fromFiles.paragraphs + fromStore.paragraphs,
          skipped: fromFiles.skipped + fromStore.skipped,
          warnings: [...fromFiles.warnings, ...fromStore.warnings],
          messages: [...fromFiles.messages, ...fromStore.messages],
        };
      } catch (err) {
        if (controller.signal.aborted) throw new ApiError('cancelled', msg('backend:library.cancelled'));
        throw err;
      } finally {
        if (jobId !== undefined) jobs.delete(jobId);
      }
    },
    'library.search': async ({ query, mode, limit, body, language }) => {
      ctx.assertOpen();
      if (!ctx.library?.exists()) return { hits: [] };
      return { hits: library().search(query, { mode, limit, body, language }) };
    },
    'library.stats': async () => {
      ctx.assertOpen();
      if (!ctx.library?.exists()) return { documents: 0, paragraphs: 0, bytes: 0 };
      return library().stats();
    },
    'library.provenance': async ({ id, revisionId }) => {
      ctx.assertOpen();
      const doc = revisionId === undefined ? currentDoc(id) : revisionDoc(revisionId, id);
      return library().provenance(doc);
    },
  };
}

function empty(): AddResult {
  return { documents: 0, paragraphs: 0, skipped: 0, warnings: [], messages: [] };
}
