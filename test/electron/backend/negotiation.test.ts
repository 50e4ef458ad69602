import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { openStore } from '../../../electron/store/store.js';
import { latestMigrationVersion, negotiationIndexFormat } from '../../../schemas/migrations.js';
import { agreeBracket, chooseAlternative, dropBracket } from '../../../shared/negotiation/bracket-ops.js';
import { collectBrackets } from '../../../shared/negotiation/model.js';
import { setParagraphStatus } from '../../../shared/negotiation/paragraph-ops.js';
import { setAttribution } from '../../../shared/negotiation/facilitator-ops.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { replicaOf } from './edits.js';
import { act, bracketPos, groupPos, paragraphPos } from './negotiation-edits.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/negotiation/ga-third-committee-rev1.txt'), 'utf8');

async function start(dataDir: string): Promise<Backend> {
  const backend = await openBackend({ dataDir });
  cleanup.push(() => backend.close());
  return backend;
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-negotiation-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// A data folder holding the fixture imported with one revision "Rev.1" (indexed), the backend
// closed again, and the store's file opened raw: for a test to make it look as an older build left it.
async function storeWithRevision(): Promise<{ dir: string; docId: string; revId: string; file: string; raw: Database.Database }> {
  const dir = tempDir();
  const backend = await start(dir);
  const { handlers } = backend.connect(() => undefined);
  const [doc] = (await handlers['documents.importText']({ text: fixture })).documents;
  const rev = await handlers['revisions.create']({ docId: doc!.id, kind: 'revision', label: 'Rev.1' });
  await backend.close();
  const store = openStore({ dataDir: dir });
  const file = store.file;
  store.close();
  return { dir, docId: doc!.id, revId: rev.id, file, raw: new Database(file) };
}

describe('negotiation tracking through the backend', () => {
  it('indexes each revision and answers open brackets, agreed paragraphs, the series and a bracket\'s life', async () => {
    const dir = tempDir();
    const backend = await start(dir);
    const { handlers } = backend.connect(() => undefined);
    await handlers['profile.set']({ name: 'Facilitator', delegation: 'CHAIR' });
    const [doc] = (await handlers['documents.importText']({ text: fixture })).documents;
    const id = doc!.id;
    const replica = replicaOf((await handlers['documents.open']({ id })).state);
    const rev1 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });

    const at1 = await handlers['negotiation.overview']({ docId: id, revisionId: rev1.id });
    expect(at1.brackets).toHaveLength(31);
    expect(at1.agreedParagraphs).toBe(0);
    const eu = at1.byDelegation.find((d) => d.delegation === 'EU');
    expect(eu?.proposed).toBe(collectBrackets(yDocToDoc(replica)).filter((b) => b.proposedBy.includes('EU')).length);
    expect(at1.byParagraph.reduce((n, p) => n + p.open, 0)).toBe(31);
    expect(at1.byParagraph.find((p) => p.paragraphLabel === 'PP 1')).toMatchObject({ open: 2, groups: 1 });

    const before = yDocToDoc(replica);
    const recalling = bracketPos(before, 'Recalling').id;
    const reaffirming = bracketPos(before, 'Reaffirming').id;
    const furthest = bracketPos(before, 'and to endeavour to reach the furthest behind first').id;
    const particularly = bracketPos(before, 'particularly').id;
    await act(
      (update) => handlers['documents.applyUpdate']({ id, update }),
      replica,
      (s) => agreeBracket(s, bracketPos(s.doc, 'and to endeavour to reach the furthest behind first').pos),
      (s) => dropBracket(s, bracketPos(s.doc, 'particularly').pos),
      (s) => chooseAlternative(s, groupPos(s.doc, 'Reaffirming'), 1),
      (s) => setParagraphStatus(s, paragraphPos(s.doc, 'Welcomes'), { state: 'agreed', by: 'CHAIR', at: '2026-10-15T10:00:00.000Z' }),
    );
    const rev2 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.2' });
    const at2 = await handlers['negotiation.overview']({ docId: id, revisionId: rev2.id });
    expect(at2.brackets).toHaveLength(27);
    expect(at2.agreedParagraphs).toBe(1);
    expect(at2.statuses.find((s) => s.paragraphLabel === 'OP 1')).toMatchObject({ state: 'agreed', by: 'CHAIR' });

    const series = await handlers['negotiation.series']({ docId: id });
    expect(series.filter((p) => p.kind === 'revision').map((p) => [p.label, p.openBrackets, p.agreedParagraphs])).toEqual([
      ['Rev.1', 31, 0],
      ['Rev.2', 27, 1],
    ]);

    const kinds = async (bracketId: string) => (await handlers['negotiation.bracketLife']({ docId: id, bracketId })).events.map((e) => e.kind);
    expect(await kinds(furthest)).toEqual(['proposed', 'agreed']);
    expect(await kinds(particularly)).toEqual(['proposed', 'dropped']);
    expect(await kinds(reaffirming)).toEqual(['proposed', 'chosen']);
    expect(await kinds(recalling)).toEqual(['proposed', 'not-chosen']);
    const proposed = (await handlers['negotiation.bracketLife']({ docId: id, bracketId: furthest })).events[0];
    expect(proposed).toMatchObject({ kind: 'proposed', by: ['G77'], revisionId: rev1.id });
    const open = await handlers['negotiation.bracketLife']({ docId: id, bracketId: bracketPos(before, 'important').id });
    expect(open.open).toBe(true);
    await expect(handlers['negotiation.bracketLife']({ docId: id, bracketId: 'no-such-bracket' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('answers an overview of an unknown document as not found, before any autosave point, even when asked at another document\'s revision', async () => {
    const { dir, revId, raw } = await storeWithRevision();
    cleanup.push(() => void raw.close());
    const backend = await start(dir);
    const { handlers } = backend.connect(() => undefined);
    const unknown = { code: 'not-found', message: 'There is no document with id nosuchdoc.', text: { key: 'backend:store.noDocument', values: { id: 'nosuchdoc' } } };
    await expect(handlers['negotiation.overview']({ docId: 'nosuchdoc' })).rejects.toMatchObject(unknown);
    // Not "Document nosuchdoc has no revision …": the document is what is missing.
    await expect(handlers['negotiation.overview']({ docId: 'nosuchdoc', revisionId: revId })).rejects.toMatchObject(unknown);
    await backend.close();
    expect(raw.prepare('SELECT id FROM revisions').all()).toEqual([{ id: revId }]);
  });

  it('stores supporters and opponents: per delegation counts, the bracket rows and the life of a bracket; nested texts readable', async () => {
    const backend = await start(tempDir());
    const { handlers } = backend.connect(() => undefined);
    const [doc] = (await handlers['documents.importText']({ text: fixture })).documents;
    const id = doc!.id;
    const replica = replicaOf((await handlers['documents.open']({ id })).state);
    await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.1' });
    const particularly = bracketPos(yDocToDoc(replica), 'particularly').id;
    await act(
      (update) => handlers['documents.applyUpdate']({ id, update }),
      replica,
      (s) => setAttribution(s, { kind: 'inline', pos: bracketPos(s.doc, 'particularly').pos }, { proposedBy: ['EU'], supportedBy: ['NOR', 'CAN'], opposedBy: ['RUS'] }),
    );
    const rev2 = await handlers['revisions.create']({ docId: id, kind: 'revision', label: 'Rev.2' });
    const at2 = await handlers['negotiation.overview']({ docId: id, revisionId: rev2.id });
    expect(at2.brackets.find((b) => b.bracketId === particularly)).toMatchObject({ proposedBy: ['EU'], supportedBy: ['NOR', 'CAN'], opposedBy: ['RUS'] });
    expect(at2.byDelegation.find((d) => d.delegation === 'NOR')).toMatchObject({ supported: 1, opposed: 0 });
    expect(at2.byDelegation.find((d) => d.delegation === 'RUS')?.opposed).toBeGreaterThanOrEqual(1);
    const life = await handlers['negotiation.bracketLife']({ docId: id, bracketId: particularly });
    expect(life.events.map((e) => e.kind)).toEqual(['proposed', 'attribution-changed']);
    expect(life.events[1]).toMatchObject({ supportedBy: ['NOR', 'CAN'], opposedBy: ['RUS'] });
    // A bracket holding alternatives reads "[important] / [valuable]", not "importantvaluable".
    const pp3 = at2.brackets.find((b) => b.text.startsWith('Recognizing'));
    expect(pp3?.text).toContain('Recognizing the [important] / [valuable] contribution');
  });

  it('backfills revisions made without the index when the document is next queried', async () => {
    const { dir, docId, revId, raw } = await storeWithRevision();
    // A store written before migration 4 had no index rows: clear them as such a store would be.
    raw.exec('DELETE FROM negotiation_brackets; DELETE FROM negotiation_groups; DELETE FROM negotiation_status; DELETE FROM negotiation_indexed;');
    raw.close();
    const reopened = openStore({ dataDir: dir });
    expect(reopened.negotiation.unindexedRevisions(docId)).toEqual([revId]);
    reopened.close();

    const again = (await start(dir)).connect(() => undefined);
    const overview = await again.handlers['negotiation.overview']({ docId, revisionId: revId });
    expect(overview.brackets).toHaveLength(31);
    const now = await again.handlers['negotiation.overview']({ docId });
    expect(now.brackets).toHaveLength(31);
  });

  it('rebuilds, on the next query, revisions an older build indexed with run-together texts (index format 1, store version 4)', async () => {
    const { dir, docId, revId, file, raw } = await storeWithRevision();
    // The file as a version-4 build left it: no format column, texts without the brackets
    // and separators inside them ('Recognizing the importantvaluable contribution').
    const runTogether = "replace(replace(replace(text, '] / [', ''), '[', ''), ']', '')";
    raw.exec(`UPDATE negotiation_brackets SET text = ${runTogether}; UPDATE negotiation_status SET text = ${runTogether};`);
    raw.exec('ALTER TABLE negotiation_indexed DROP COLUMN format');
    // Nor the tables of later migrations (6: the issued-revision chain; 7: admissions; 8: silence, received revisions).
    raw.exec('DROP TABLE issued_records; DROP TABLE IF EXISTS consultation_admissions; DROP TABLE IF EXISTS consultation_codes; DROP TABLE silence_objections; DROP TABLE outgoing_objections; DROP TABLE received_revisions');
    raw.pragma('user_version = 4');
    const oldText = raw.prepare("SELECT text FROM negotiation_brackets WHERE text LIKE 'Recognizing%'").pluck().get() as string;
    raw.close();
    expect(oldText).toContain('Recognizing the importantvaluable contribution');

    const migrated = openStore({ dataDir: dir });
    expect(migrated.negotiation.unindexedRevisions(docId)).toEqual([revId]);
    migrated.close();

    const again = (await start(dir)).connect(() => undefined);
    const overview = await again.handlers['negotiation.overview']({ docId, revisionId: revId });
    expect(overview.brackets).toHaveLength(31);
    expect(overview.brackets.find((b) => b.text.startsWith('Recognizing'))?.text).toContain('Recognizing the [important] / [valuable] contribution');
    const life = await again.handlers['negotiation.bracketLife']({ docId, bracketId: overview.brackets.find((b) => b.text === 'important')!.bracketId });
    expect(life.open).toBe(true);

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestMigrationVersion);
    expect(check.prepare('SELECT DISTINCT format FROM negotiation_indexed').pluck().all()).toEqual([negotiationIndexFormat]);
    expect(check.prepare("SELECT count(*) FROM negotiation_brackets WHERE text LIKE '%importantvaluable%'").pluck().get()).toBe(0);
    check.close();
  });
});
