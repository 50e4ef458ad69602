import type { Node } from 'prosemirror-model';
import { ApiError, type ChannelArgs, type DocumentSummary, type Handlers } from '../../shared/api/contract.js';
import { readHeader } from '../../shared/document/header.js';
import { summarize } from '../../shared/document/summary.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { delegationOfAuthor } from '../files/delegation-of.js';
import { documentsOf, exportFileName, exportFormatTable, readFiles, trackedChangesOf, writeDocument, type Progress } from '../files/formats.js';
import type { BackendContext, Connection } from './context.js';
import { docAtSnapshot } from './revision-content.js';
import { silenceWordsOf } from '../store/silence-procedure.js';
import { msg } from '../../shared/i18n/message.js';

type FileChannels = 'files.inspect' | 'files.import' | 'files.export' | 'files.cancel';

/** How the file handlers store what they imported: the backend's own document creation (origin 'import', announced). */
export type CreateDocuments = (nodes: readonly Node[]) => DocumentSummary[];

// The running jobs of each backend, by job id, so files.cancel from any window stops them.
const runningJobs = new WeakMap<BackendContext, Map<string, AbortController>>();

/** The running jobs of `ctx` by job id; other long jobs (library.add) register here so `files.cancel` stops them too. */
export function runningJobsOf(ctx: BackendContext): Map<string, AbortController> {
  const jobs = runningJobs.get(ctx) ?? new Map<string, AbortController>();
  runningJobs.set(ctx, jobs);
  return jobs;
}

/**
 * The file channels (see shared/api/files-contract.ts) for one connection, over the formats
 * table of electron/files/formats.ts. Bad files are 'invalid-argument' naming the file;
 * a cancelled job is 'cancelled'; progress goes to the connection that started the job.
 */
export function createFileHandlers(ctx: BackendContext, conn: Connection, createDocuments: CreateDocuments): Pick<Handlers, FileChannels> {
  const jobs = runningJobsOf(ctx);

  // Runs `work` as job `jobId` (when given): cancellable, with progress to this connection.
  const job = async <T>(jobId: string | undefined, work: (signal: AbortSignal, progress: (p: Progress) => void) => Promise<T>): Promise<T> => {
    ctx.assertOpen();
    if (jobId !== undefined && jobs.has(jobId)) throw new ApiError('invalid-argument', msg('backend:api.jobRunning', { job: jobId }));
    const controller = new AbortController();
    if (jobId !== undefined) jobs.set(jobId, controller);
    const progress = (p: Progress) => {
      if (jobId === undefined) return;
      try {
        conn.send('files.progress', { jobId, ...p });
      } catch {
        // A window that went away misses the progress; the job's answer still settles.
      }
    };
    try {
      const result = await work(controller.signal, progress);
      controller.signal.throwIfAborted();
      return result;
    } catch (err) {
      if (controller.signal.aborted) throw new ApiError('cancelled', msg('backend:files.cancelled'));
      throw err;
    } finally {
      if (jobId !== undefined) jobs.delete(jobId);
    }
  };

  const currentDoc = (id: string): Node => ctx.docs.use(id, (doc) => yDocToDoc(doc.ydoc));
  const revisionDoc = (id: string, revisionId: string): Node => {
    const revision = ctx.store.getRevision(revisionId);
    const snapshot = revision && revision.docId === id ? ctx.store.readRevisionSnapshot(revisionId) : null;
    if (!snapshot) throw new ApiError('not-found', msg('backend:api.noRevisionOf', { id, revision: revisionId }));
    return ctx.docs.use(id, (doc) => docAtSnapshot(doc.ydoc, snapshot));
  };

  return {
    'files.inspect': (file) =>
      job(undefined, async (signal) => {
        const parts = await readFiles([file], { signal, delegationOf: delegationOfAuthor });
        const trackedChanges = trackedChangesOf(parts);
        return {
          format: parts[0]?.format ?? 'text',
          documents: documentsOf(parts).map((doc) => ({ title: summarize(doc).title, symbol: readHeader(doc).symbol })),
          warnings: parts.flatMap((p) => p.warnings),
          messages: parts.flatMap((p) => p.messages),
          trackedChanges,
          unknownAuthors: (trackedChanges?.authors ?? []).filter((a) => delegationOfAuthor(a) === null),
        };
      }),
    'files.import': ({ files, trackedChanges: mode, authorDelegations, jobId }) =>
      job(jobId, async (signal, progress) => {
        const given = new Map(Object.entries(authorDelegations ?? {}));
        const delegationOf = (author: string) => given.get(author) ?? delegationOfAuthor(author);
        const parts = await readFiles(files, { signal, onProgress: progress, trackedChanges: mode, delegationOf });
        signal.throwIfAborted();
        const nodes = documentsOf(parts);
        progress({ done: 0, total: nodes.length, stage: 'storing' });
        const documents = createDocuments(nodes);
        return { documents, warnings: parts.flatMap((p) => p.warnings), messages: parts.flatMap((p) => p.messages), trackedChanges: trackedChangesOf(parts) };
      }),
    'files.export': (args) => job(args.jobId, (signal, progress) => exportFile(args, signal, progress)),
    'files.cancel': async ({ jobId }) => {
      jobs.get(jobId)?.abort();
      return { ok: true as const };
    },
  };

  // An issued revision's Word and PDF exports name the record they came from, so a reader can check them against the revision file.
  // The silence procedure's outcome (or deadline) on it is stated too (issue 14 point 5).
  async function issuedProperties(revisionId: string): Promise<Record<string, string> | undefined> {
    const place = ctx.store.records.placeOf(revisionId);
    const row = place && ctx.store.records.chain(place.docId).find((r) => r.n === place.n);
    if (!row) return undefined;
    const record = JSON.parse(row.text) as { label: string; contentHash: string; fingerprint: string };
    const silence = await silenceWordsOf(ctx.store, revisionId);
    return { revisionHash: record.contentHash, issuerFingerprint: record.fingerprint, revisionLabel: record.label, ...(silence ? { silenceProcedure: silence } : {}) };
  }

  async function exportFile(args: ChannelArgs<'files.export'>, signal: AbortSignal, progress: (p: Progress) => void) {
    const { id, revisionId, format, changesFromRevisionId } = args;
    progress({ done: 0, total: 2, stage: 'reading' });
    const doc = revisionId === undefined ? currentDoc(id) : revisionDoc(id, revisionId);
    if (changesFromRevisionId !== undefined && format !== 'docx') {
      throw new ApiError('invalid-argument', msg('backend:files.changesDocxOnly'));
    }
    const changesFrom = changesFromRevisionId === undefined ? undefined : revisionDoc(id, changesFromRevisionId);
    signal.throwIfAborted();
    progress({ done: 1, total: 2, stage: 'writing' });
    const profile = ctx.store.getProfile();
    const bytes = await writeDocument(doc, format, {
      view: args.view,
      tags: args.tags,
      brackets: args.brackets,
      paper: args.paper,
      changesFrom,
      author: profile.delegation || profile.name || 'Penholder',
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      properties: revisionId === undefined ? undefined : await issuedProperties(revisionId),
    });
    progress({ done: 2, total: 2, stage: 'done' });
    return { fileName: exportFileName(doc, format), mime: exportFormatTable[format].mime, bytes };
  }
}
