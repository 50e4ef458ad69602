import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EditorState } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { ApiError, parseCall } from '../../../shared/api/contract.js';
import { newId } from '../../../shared/ids.js';
import { STORE_FILE_NAME } from '../../../electron/store/open-database.js';
import { collectBrackets } from '../../../shared/negotiation/model.js';
import { readNegotiationBase } from '../../../shared/negotiation/negotiation-base.js';
import { documentStableLabels } from '../../../shared/negotiation/stable-numbering.js';
import { setParagraphStatus } from '../../../shared/negotiation/paragraph-ops.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { replicaOf } from './edits.js';
import { act, paragraphPos } from './negotiation-edits.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/negotiation/ga-third-committee-rev1.txt'), 'utf8');
const at = '2026-10-15T10:00:00.000Z';

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-negotiation-base-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string): Promise<Backend> {
  const backend = await openBackend({ dataDir });
  cleanup.push(() => backend.close());
  return backend;
}

// A new operative paragraph right after the one starting with `after`.
const insertAfter = (after: string, text: string) => (s: EditorState) => {
  const pos = paragraphPos(s.doc, after);
  const op = s.doc.nodeAt(pos)!;
  const { operative_paragraph: opType, paragraph_text: textType } = s.schema.nodes;
  return s.tr.insert(pos + op.nodeSize, opType!.create({ id: newId() }, textType!.create(null, s.schema.text(text))));
};

const paragraphWith = (doc: ReturnType<typeof yDocToDoc>, startsWith: string) => doc.nodeAt(paragraphPos(doc, startsWith))!;

describe('stable numbering in negotiation through the backend', () => {
  it('keeps a base per document, issues a clean text with its number table, a named revision and the new base, history kept', async () => {
    const dir = tempDir();
    const backend = await start(dir);
    const { handlers } = backend.connect(() => undefined);
    await handlers['profile.set']({ name: 'Facilitator', delegation: 'CHAIR' });
    const [summary] = (await handlers['documents.importText']({ text: fixture })).documents;
    const id = summary!.id;
    const replica = replicaOf((await handlers['documents.open']({ id })).state);
    expect(await handlers['negotiation.base']({ docId: id })).toEqual({ revision: null });

    const rev1 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });
    expect((await handlers['negotiation.setBase']({ docId: id, revisionId: rev1.id })).revision?.id).toBe(rev1.id);
    expect((await handlers['negotiation.base']({ docId: id })).revision).toMatchObject({ id: rev1.id, label: 'Rev.1' });
    // The base is in the document itself, as one logged change by the facilitator.
    const opened = yDocToDoc(replicaOf((await handlers['documents.open']({ id })).state));
    expect(readNegotiationBase(opened)).toMatchObject({ revisionId: rev1.id, label: 'Rev.1' });
    expect(Object.values(readNegotiationBase(opened)!.numbers)).toContain(6);
    expect((await handlers['history.list']({ docId: id })).at(-1)).toMatchObject({ author: 'Facilitator', delegation: 'CHAIR' });
    Y.applyUpdate(replica, (await handlers['documents.open']({ id })).state);

    await act(
      (update) => handlers['documents.applyUpdate']({ id, update }),
      replica,
      insertAfter('Welcomes', 'Also welcomes the contributions of civil society;'),
      (s) => setParagraphStatus(s, paragraphPos(s.doc, 'Calls upon States'), { state: 'agreed', by: 'CHAIR', at }),
    );
    expect(collectBrackets(paragraphWith(yDocToDoc(replica), 'Calls upon States'))).not.toHaveLength(0);

    const issued = await handlers['negotiation.issueClean']({ docId: id, label: 'Rev.2' });
    expect(issued.table.filter((r) => r.old.startsWith('OP')).map((r) => `${r.old} -> ${r.new}`)).toEqual([
      'OP 1 -> OP 1',
      'OP 1 bis -> OP 2',
      'OP 2 -> OP 3',
      'OP 3 -> OP 4',
      'OP 4 -> OP 5',
      'OP 5 -> OP 6',
      'OP 5 alt -> OP 6 alt',
      'OP 6 -> OP 7',
    ]);
    expect(issued.table.filter((r) => r.old.startsWith('PP')).every((r) => r.old === r.new)).toBe(true);
    expect(issued.revision).toMatchObject({ kind: 'revision', label: 'Rev.2', author: 'Facilitator', delegation: 'CHAIR' });
    expect((await handlers['revisions.list']({ docId: id })).filter((r) => r.kind !== 'autosave').map((r) => r.label)).toEqual(['Rev.2', 'Rev.1']);
    expect((await handlers['negotiation.base']({ docId: id })).revision?.id).toBe(issued.revision.id);
    // The issued revision itself is the clean text, out of negotiation; the document now carries the new base.
    expect(readNegotiationBase(yDocToDoc(replicaOf((await handlers['revisions.open']({ docId: id, revisionId: issued.revision.id })).state)))).toBeNull();

    // The current text: the agreed paragraph lost its brackets, kept its words.
    const now = yDocToDoc(replicaOf((await handlers['documents.open']({ id })).state));
    const agreed = paragraphWith(now, 'Calls upon States');
    expect(collectBrackets(agreed)).toHaveLength(0);
    expect(agreed.textContent).toContain('that have not yet done so');
    expect(paragraphWith(now, 'Also welcomes')).toBeTruthy();
    expect(readNegotiationBase(now)).toMatchObject({ revisionId: issued.revision.id, label: 'Rev.2' });
    expect([...documentStableLabels(now)!.values()].filter((l) => l.startsWith('OP'))).toEqual(['OP 1', 'OP 2', 'OP 3', 'OP 4', 'OP 5', 'OP 6', 'OP 6 alt', 'OP 7']);

    // History kept: Rev.1 still opens as it was.
    const old = yDocToDoc(replicaOf((await handlers['revisions.open']({ docId: id, revisionId: rev1.id })).state));
    expect(paragraphPos(old, 'Also welcomes')).toBe(-1);
    expect(collectBrackets(paragraphWith(old, 'Calls upon States'))).not.toHaveLength(0);

    // Restoring Rev.1's text keeps the document in negotiation on Rev.2.
    await handlers['revisions.restore']({ docId: id, revisionId: rev1.id });
    const restored = yDocToDoc(replicaOf((await handlers['documents.open']({ id })).state));
    expect(paragraphPos(restored, 'Also welcomes')).toBe(-1);
    expect(readNegotiationBase(restored)).toMatchObject({ revisionId: issued.revision.id, label: 'Rev.2' });

    // The base is kept across a restart.
    await backend.close();
    const again = await start(dir);
    const h2 = again.connect(() => undefined).handlers;
    expect((await h2['negotiation.base']({ docId: id })).revision?.label).toBe('Rev.2');
  });

  it('starts negotiation on a revision made now, stops it, tells other windows, and refuses what cannot be done', async () => {
    const backend = await start(tempDir());
    const { handlers } = backend.connect(() => undefined);
    const [summary] = (await handlers['documents.importText']({ text: fixture })).documents;
    const id = summary!.id;
    const replica = replicaOf((await handlers['documents.open']({ id })).state);
    const heard: string[] = [];
    const other = backend.connect((event, payload) => {
      if (event === 'revisions.changed' && (payload as { docId: string }).docId === id) heard.push(event);
    }).handlers;
    await other['documents.subscribe']({ id });

    const started = await handlers['negotiation.setBase']({ docId: id, label: 'Rev.1' });
    expect(started.revision).toMatchObject({ kind: 'revision', label: 'Rev.1' });
    expect((await handlers['revisions.list']({ docId: id }))[0]?.id).toBe(started.revision?.id);
    expect(await handlers['negotiation.setBase']({ docId: id })).toEqual({ revision: null });
    expect(await handlers['negotiation.base']({ docId: id })).toEqual({ revision: null });
    expect(heard.length).toBeGreaterThanOrEqual(2);

    await expect(handlers['negotiation.setBase']({ docId: id, revisionId: 'nosuchrevision' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(handlers['negotiation.base']({ docId: 'nosuchdoc' })).rejects.toMatchObject({ code: 'not-found' });
    expect(() => parseCall('negotiation.setBase', { docId: id, revisionId: started.revision!.id, label: 'Rev.9' })).toThrow(ApiError);
    expect(() => parseCall('negotiation.issueClean', { docId: id, label: 'Rev.2', kind: 'autosave' })).toThrow(ApiError);

    // Every operative paragraph deleted: no clean text, and nothing changed or named.
    const before = await handlers['revisions.list']({ docId: id });
    const deleteAll = (s: EditorState) => {
      let tr = s.tr;
      s.doc.descendants((node, pos) => {
        if (node.type.name !== 'operative_paragraph') return node.type.name !== 'preamble';
        const step = setParagraphStatus(s.apply(tr), pos, { state: 'deleted', by: 'CHAIR', at });
        if (step) tr = tr.setNodeAttribute(pos, 'status', step.doc.nodeAt(pos)!.attrs.status);
        return false;
      });
      return tr;
    };
    await act((update) => handlers['documents.applyUpdate']({ id, update }), replica, deleteAll);
    await expect(handlers['negotiation.issueClean']({ docId: id, label: 'Rev.2' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('operative part'),
    });
    expect((await handlers['revisions.list']({ docId: id })).filter((r) => r.kind !== 'autosave')).toEqual(before.filter((r) => r.kind !== 'autosave'));
  });

  it('moves a base an older version kept in the settings into the document on first use, without losing it', async () => {
    const dir = tempDir();
    const backend = await start(dir);
    const { handlers } = backend.connect(() => undefined);
    const [summary] = (await handlers['documents.importText']({ text: fixture })).documents;
    const id = summary!.id;
    const rev1 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });
    await backend.close();
    // What the earlier version wrote: a settings row per document, per installation.
    const db = new Database(path.join(dir, STORE_FILE_NAME));
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`negotiation-base:${id}`, rev1.id);
    db.close();

    const again = await start(dir);
    const h2 = again.connect(() => undefined).handlers;
    expect((await h2['negotiation.base']({ docId: id })).revision).toMatchObject({ id: rev1.id, label: 'Rev.1' });
    const doc = yDocToDoc(replicaOf((await h2['documents.open']({ id })).state));
    expect(readNegotiationBase(doc)).toMatchObject({ revisionId: rev1.id, label: 'Rev.1' });
    // Converted once: stopping negotiation is not undone by the old row.
    await h2['negotiation.setBase']({ docId: id });
    expect(await h2['negotiation.base']({ docId: id })).toEqual({ revision: null });
    const check = new Database(path.join(dir, STORE_FILE_NAME), { readonly: true });
    expect(check.prepare('SELECT count(*) FROM settings WHERE key LIKE ?').pluck().get('negotiation-base:%')).toBe(0);
    check.close();
  });
});
