import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { documentMeta } from '../../../electron/backend/live-documents.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { importText } from '../../../shared/import/index.js';
import { dropBracket } from '../../../shared/negotiation/bracket-ops.js';
import { docToYDoc, encodeYDoc } from '../../../shared/ydoc.js';
import { bracketPos } from '../backend/negotiation-edits.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function open(dir: string): Store {
  const store = openStore({ dataDir: dir });
  stores.push(store);
  return store;
}

const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/negotiation/ga-third-committee-rev1.txt'), 'utf8');

describe('negotiation index in the store', () => {
  it('indexes revisions idempotently in a real file, answers per revision and per bracket, and keeps it across a restart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-negotiation-index-'));
    dirs.push(dir);
    const store = open(dir);
    const node = importText(fixture).documents[0]!;
    store.createDocument({ id: 'ga', meta: documentMeta(node), update: encodeYDoc(docToYDoc(node)), origin: 'import' });
    const who = { author: 'Facilitator', delegation: 'CHE' };
    const rev1 = store.createRevision({ docId: 'ga', kind: 'revision', label: 'Rev.1', ...who });
    const rev2 = store.createRevision({ docId: 'ga', kind: 'revision', label: 'Rev.2', ...who });
    expect(store.negotiation.unindexedRevisions('ga')).toEqual([rev1.id, rev2.id]);

    expect(store.negotiation.indexRevision(rev1.id, node)).toBe(31);
    expect(store.negotiation.indexRevision(rev1.id, node)).toBe(31);
    expect(store.negotiation.bracketsAt(rev1.id)).toHaveLength(31);
    const particularly = bracketPos(node, 'particularly');
    const state = EditorState.create({ doc: node });
    const dropped = state.apply(dropBracket(state, particularly.pos)!).doc;
    expect(store.negotiation.indexRevision(rev2.id, dropped)).toBe(30);
    expect(store.negotiation.unindexedRevisions('ga')).toEqual([]);

    const pp3 = store.negotiation.bracketsAt(rev1.id).filter((b) => b.paragraphLabel === 'PP 3');
    expect(pp3.map((b) => [b.text.slice(0, 12), b.depth, b.groupId !== ''])).toEqual([
      ['Recognizing ', 1, false],
      ['important', 2, true],
      ['valuable', 2, true],
      ['inclusive an', 2, false],
    ]);
    expect(pp3[0]!.proposedBy).toEqual(['MEX', 'PHL']);
    expect(store.negotiation.statusesAt(rev1.id).map((s) => s.paragraphLabel)).toEqual([
      'PP 1', 'PP 2', 'PP 3', 'PP 4', 'PP 5', 'OP 1', 'OP 2', 'OP 3', 'OP 4', 'OP 5', 'OP 5 alt', 'OP 6',
    ]);
    expect(store.negotiation.bracketAppearances('ga', particularly.id).map((b) => b.revisionId)).toEqual([rev1.id]);
    expect(store.negotiation.negotiationSeries('ga').map((p) => [p.revisionId, p.openBrackets, p.agreedParagraphs, p.paragraphs])).toEqual([
      [rev1.id, 31, 0, 12],
      [rev2.id, 30, 0, 12],
    ]);
    expect(() => store.negotiation.indexRevision('nope', node)).toThrow(/no revision nope/);
    store.close();
    stores.splice(0);

    const again = open(dir);
    expect(again.negotiation.bracketsAt(rev2.id)).toHaveLength(30);
    expect(again.negotiation.indexedRevisions('ga')).toEqual([rev1.id, rev2.id]);
  });
});
