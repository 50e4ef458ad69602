import { describe, expect, it } from 'vitest';
import { ApiError, type Handlers } from '../../../shared/api/contract.js';
import { dispatch, toErrorShape } from '../../../shared/api/dispatch.js';
import { messageText, msg } from '../../../shared/i18n/message.js';

const summary = { id: 'd1', kind: 'resolution', title: 'T', symbol: '', body: '', createdAt: '', updatedAt: '' } as const;

// A handler map that records what reached it, so the tests can see what dispatch let through.
function recordingHandlers(seen: unknown[]): Handlers {
  return {
    'templates.list': async (args) => (seen.push(args), []),
    'documents.list': async () => [summary],
    'documents.createFromTemplate': async (args) => (seen.push(args), { ...summary, title: args.title ?? 'T' }),
    'documents.importText': async () => {
      throw new ApiError('invalid-argument', 'No resolution found.');
    },
    'documents.open': async ({ id }) => {
      throw new ApiError('not-found', `No document ${id}.`);
    },
    'documents.applyUpdate': async () => {
      throw new TypeError('disk on fire');
    },
    'documents.subscribe': async () => {
      throw 'a bare string';
    },
    'documents.unsubscribe': async () => ({ ok: true }),
    'profile.get': async () => ({ name: '', delegation: '' }),
    'profile.set': async (args) => args,
    'preferences.get': async () => ({ interfaceLanguage: null }),
    'preferences.set': async (args) => args,
    'settings.get': async ({ key }) => ({ key, value: null }),
    'settings.set': async (args) => args,
    'revisions.list': async () => [],
    'revisions.create': async () => {
      throw new ApiError('not-found', 'No document.');
    },
    'revisions.open': async () => {
      throw new ApiError('not-found', 'No revision.');
    },
    'revisions.restore': async () => {
      throw new ApiError('not-found', 'No revision.');
    },
    'revisions.newDocument': async () => summary,
    'revisions.lastViewed': async () => ({ revision: null, changedSince: false }),
    'revisions.markViewed': async () => {
      throw new ApiError('not-found', 'No document.');
    },
    'history.list': async () => [],
    'history.authors': async () => [],
    'consultation.host': async () => ({ url: 'wss://127.0.0.1:1', joinCode: 'j', facilitatorCode: 'f', documents: ['d1'], fingerprint: 'a'.repeat(64), link: 'penholder://join' }),
    'consultation.stopHosting': async () => ({ ok: true }),
    'consultation.join': async () => ({ docId: 'd1' }),
    'consultation.documents': async () => ({ reachable: true, documents: [] }),
    'consultation.recent': async () => [],
    'consultation.leave': async () => ({ ok: true }),
    'consultation.lobby': async () => ({ pending: [], admitted: [] }),
    'consultation.admit': async () => ({ ok: true }),
    'consultation.refuse': async () => ({ ok: true }),
    'consultation.removeKey': async () => ({ ok: true }),
    'consultation.delegationCode': async () => ({ code: 'c' }),
    'consultation.status': async () => ({
      state: 'offline',
      docId: null,
      role: null,
      unsyncedChanges: 0,
      participants: [],
      url: null,
      joinCode: null,
      facilitatorCode: null,
      fingerprint: null,
      link: null,
      lobby: 0,
      lastError: '',
    }),
    'presence.set': async () => ({ ok: true }),
    'notes.list': async () => [],
    'notes.set': async (args) => ({ ...args, updatedAt: '' }),
    'negotiation.overview': async () => {
      throw new ApiError('not-found', 'No document.');
    },
    'negotiation.bracketLife': async ({ bracketId }) => ({ bracketId, open: false, events: [] }),
    'negotiation.series': async () => [],
    'negotiation.base': async () => ({ revision: null }),
    'negotiation.setBase': async () => ({ revision: null }),
    'negotiation.issueClean': async () => {
      throw new ApiError('invalid-argument', 'Not in negotiation.');
    },
    'files.inspect': async (args) => (seen.push(args), { format: 'text', documents: [], warnings: [], trackedChanges: null, unknownAuthors: [] }),
    'files.import': async () => ({ documents: [summary], warnings: [], trackedChanges: null }),
    'files.export': async () => {
      throw new ApiError('cancelled', 'Export cancelled.');
    },
    'files.cancel': async () => ({ ok: true }),
    'library.add': async () => ({ documents: 0, paragraphs: 0, skipped: 0, warnings: [] }),
    'library.search': async () => ({ hits: [] }),
    'library.stats': async () => ({ documents: 0, paragraphs: 0, bytes: 0 }),
    'library.provenance': async () => ({ paragraphs: [], share: 0 }),
    'record.issue': async () => ({ revisionId: 'r', label: 'Rev.1', hash: '', fingerprint: '', chain: 1, time: '' }),
    'record.list': async () => [],
    'record.silence': async () => ({ silence: null, mine: [], canPlace: false }),
    'record.placeSilence': async () => {
      throw new ApiError('not-found', 'Nothing issued.');
    },
    'record.breakSilence': async () => {
      throw new ApiError('not-found', 'No silence.');
    },
    'record.compareFile': async () => {
      throw new ApiError('invalid-argument', 'Not a revision file.');
    },
    'record.exportFile': async () => ({ fileName: 'x', bytes: new Uint8Array() }),
    'record.verifyFile': async () => ({ valid: false as const, kind: 'malformed' as const, message: '' }),
  };
}

describe('dispatch', () => {
  it('runs the handler with the validated arguments', async () => {
    const seen: unknown[] = [];
    const handlers = recordingHandlers(seen);
    expect(await dispatch(handlers, 'documents.createFromTemplate', { templateId: 'ga', title: 'X' })).toEqual({
      ok: true,
      result: { ...summary, title: 'X' },
    });
    expect(await dispatch(handlers, 'templates.list', undefined)).toEqual({ ok: true, result: [] });
    expect(seen).toEqual([{ templateId: 'ga', title: 'X' }, {}]);
  });

  it('refuses unknown channels and invalid arguments before any handler runs', async () => {
    const seen: unknown[] = [];
    const handlers = recordingHandlers(seen);
    expect(await dispatch(handlers, 'documents.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch(handlers, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch(handlers, 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const bad = await dispatch(handlers, 'documents.createFromTemplate', { templateId: '', extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(handlers, 'documents.applyUpdate', { id: 'd', update: [1, 2] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(seen).toEqual([]);
  });

  it('keeps ApiError codes and turns anything else into an internal error without a stack', async () => {
    const logged: unknown[] = [];
    const handlers = recordingHandlers([]);
    const log = (err: unknown) => logged.push(err);
    expect(await dispatch(handlers, 'documents.open', { id: 'zz' }, log)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No document zz.' },
    });
    const internal = await dispatch(handlers, 'documents.applyUpdate', { id: 'd', update: Uint8Array.of(1) }, log);
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    expect(await dispatch(handlers, 'documents.subscribe', { id: 'd' }, log)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'a bare string' },
    });
    expect(logged).toHaveLength(2);
    expect(logged[0]).toBeInstanceOf(TypeError);
  });

  it('carries file bytes through and keeps the cancelled code of a stopped job', async () => {
    const seen: unknown[] = [];
    const handlers = recordingHandlers(seen);
    const bytes = Uint8Array.of(0x50, 0x4b, 3, 4);
    expect(await dispatch(handlers, 'files.inspect', { name: 'a.docx', bytes })).toMatchObject({ ok: true, result: { format: 'text' } });
    expect(seen).toEqual([{ name: 'a.docx', bytes }]);
    expect(await dispatch(handlers, 'files.export', { id: 'd1', format: 'docx', jobId: 'j' })).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Export cancelled.' },
    });
    expect(await dispatch(handlers, 'files.export', { id: 'd1', format: 'rtf' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(handlers, 'files.import', { files: [] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(handlers, 'files.inspect', { name: 'a.txt', bytes: [1, 2] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('gives every thrown value a message', () => {
    expect(toErrorShape(new Error(''))).toEqual({ code: 'internal', message: 'Internal error.' });
    expect(toErrorShape(new ApiError('unauthorized', 'No.'))).toEqual({ code: 'unauthorized', message: 'No.' });
  });

  it('carries the catalogue message of an ApiError and of any error with a `text`, and refusals of its own', async () => {
    const text = msg('backend:api.unknownChannel', { channel: 'x.y' });
    expect(toErrorShape(new ApiError('not-found', text))).toEqual({ code: 'not-found', message: 'Unknown channel: x.y', text });
    // Another module's error class, duck-typed: its English message stays, its Message travels.
    const foreign = Object.assign(new Error('Unknown channel: x.y'), { text });
    expect(toErrorShape(foreign)).toEqual({ code: 'internal', message: 'Unknown channel: x.y', text });
    // A `text` that is not a message is not carried.
    expect(toErrorShape(Object.assign(new Error('m'), { text: 'words' }))).toEqual({ code: 'internal', message: 'm' });
    const refused = await dispatch(recordingHandlers([]), 'documents.open', { id: '' });
    if (refused.ok || !refused.error.text) throw new Error('expected a refusal with a text');
    expect(refused.error.text.key).toBe('backend:api.invalidArgument');
    expect(messageText(refused.error.text, 'fr')).toMatch(/^Argument non valide pour documents\.open\u00a0: id/);
  });
});
