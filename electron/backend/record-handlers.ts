import path from 'node:path';
import { ApiError, type Handlers } from '../../shared/api/contract.js';
import { readHeader } from '../../shared/document/header.js';
import { RecordError, contentHash, revisionFileBytes, signRecord, verifyRevisionFile, type ChainRecord } from '../../shared/record/index.js';
import { openInstallationKey, type InstallationKey } from '../identity/installation-key.js';
import { recordsChanged } from '../consultation/record-host.js';
import { documentAtRevision, revisionFileOf } from '../store/issue-revision.js';
import { checkOf, createSilenceHandlers, currentChain, issuedList } from './record-silence-handlers.js';
import { broadcast, type BackendContext } from './context.js';
import { msg } from '../../shared/i18n/message.js';

type RecordChannels = 'record.issue' | 'record.list' | 'record.exportFile' | 'record.verifyFile' | 'record.silence' | 'record.placeSilence' | 'record.breakSilence' | 'record.compareFile';

/**
 * The record channels (see shared/api/record-contract.ts): issuing a named revision with the
 * installation key of the store's data folder (electron/identity/installation-key.ts, made
 * on first use), listing a document's issued revisions, exporting one as a revision file and
 * checking a revision file as `penholder verify` does; issuing sends the grown chain to a
 * hosted consultation's participants (record-host.ts). The silence and comparison channels
 * are in record-silence-handlers.ts.
 */
export function createRecordHandlers(ctx: BackendContext): Pick<Handlers, RecordChannels> {
  let key: InstallationKey | undefined;
  const installationKey = (): InstallationKey => (key ??= openInstallationKey(path.dirname(ctx.store.file)));
  const namedRevision = (id: string, revisionId: string) => {
    ctx.assertOpen();
    if (!ctx.store.getDocument(id)) throw new ApiError('not-found', msg('backend:store.noDocument', { id }));
    const revision = ctx.store.getRevision(revisionId);
    if (!revision || revision.docId !== id) throw new ApiError('not-found', msg('backend:api.noRevisionOf', { id, revision: revisionId }));
    return revision;
  };

  return {
    ...createSilenceHandlers(ctx, installationKey),
    'record.issue': async ({ id, revisionId }) => {
      const revision = namedRevision(id, revisionId);
      if (revision.kind === 'autosave' || revision.label.trim() === '') throw new ApiError('invalid-argument', msg('backend:record.unnamed'));
      if (ctx.store.records.placeOf(revisionId)) throw new ApiError('invalid-argument', msg('backend:record.alreadyIssued', { label: revision.label }));
      const head = ctx.store.records.head(id);
      const previous = head ? (JSON.parse(head.text) as ChainRecord) : null;
      const headRevision = head ? ctx.store.getRevision(head.revisionId) : undefined;
      if (headRevision && headRevision.seq > revision.seq) throw new ApiError('invalid-argument', msg('backend:record.older', { label: revision.label, last: headRevision.label }));
      const signer = installationKey();
      if (previous && previous.publicKey !== signer.publicKey) {
        throw new ApiError('invalid-argument', msg('backend:record.otherKey', { fingerprint: previous.fingerprint }));
      }
      const hash = await contentHash(documentAtRevision(ctx.store, revisionId));
      const record = await signRecord({ docId: id, label: revision.label, contentHash: hash, previous, time: new Date().toISOString() }, signer);
      const n = (head?.n ?? 0) + 1;
      ctx.store.records.append(id, n, revisionId, record);
      await recordsChanged(ctx.store, id);
      // The silence section lists issued revisions: it must learn of this one to offer placing it.
      broadcast(ctx, 'revisions.changed', { docId: id }, () => true);
      return { revisionId, label: record.label, hash: record.contentHash, fingerprint: record.fingerprint, chain: n, time: record.time };
    },
    'record.list': async ({ id }) => {
      ctx.assertOpen();
      if (!ctx.store.getDocument(id)) throw new ApiError('not-found', msg('backend:store.noDocument', { id }));
      const rows = ctx.store.records.chain(id);
      const chain = currentChain(ctx, id);
      return chain ? issuedList(chain.records, (n) => rows[n - 1]?.revisionId ?? '', !chain.own) : [];
    },
    'record.exportFile': async ({ id, revisionId }) => {
      const revision = namedRevision(id, revisionId);
      if (!ctx.store.records.placeOf(revisionId)) throw new ApiError('invalid-argument', revision.label ? msg('backend:record.notIssued', { label: revision.label }) : msg('backend:record.thisNotIssued'));
      try {
        const file = await revisionFileOf(ctx.store, revisionId);
        const symbol = readHeader(documentAtRevision(ctx.store, revisionId)).symbol;
        return { fileName: revisionFileName(symbol, revision.label), bytes: revisionFileBytes(file) };
      } catch (err) {
        if (err instanceof RecordError) throw new ApiError('internal', msg('backend:record.storedFails', { label: revision.label, cause: err.text }));
        throw err;
      }
    },
    'record.verifyFile': async ({ bytes }) => {
      ctx.assertOpen();
      try {
        return checkOf(await verifyRevisionFile(bytes));
      } catch (err) {
        if (err instanceof RecordError) return { valid: false as const, kind: err.kind, message: err.message, text: err.text };
        throw err;
      }
    },
  };
}

/**
 * The revision file's name: symbol and label with '/' and spaces as '_' and anything outside
 * letters, digits, '.', '-' and '_' dropped, e.g. `E_CN.15_2023_L.6_Rev.2.penholder-revision.json`;
 * the label once only when the symbol already ends with it (E/CN.15/2023/L.6/Rev.1 as Rev.1).
 */
export function revisionFileName(symbol: string, label: string): string {
  const part = (s: string) => s.trim().replace(/[/\s]+/g, '_').replace(/[^\p{L}\p{N}._-]/gu, '');
  const [sym, lab] = [part(symbol), part(label)];
  // A symbol that already names the revision (E/CN.15/2023/L.6/Rev.1 issued as Rev.1) is not repeated.
  const named = lab !== '' && (sym === lab || sym.endsWith(`_${lab}`));
  const stem = (named ? sym : [sym, lab].filter((s) => s !== '').join('_')) || 'revision';
  return `${stem.slice(0, 150)}.penholder-revision.json`;
}
