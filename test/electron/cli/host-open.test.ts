import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { documentsToHost } from '../../../electron/cli/commands/host-open.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { tempDir } from '../consultation/peers.js';
import { repoRoot } from './run-cli.js';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function setup(): { store: Store; dataDir: string; lines: string[]; log: (line: string) => void } {
  const dataDir = tempDir();
  const store = openStore({ dataDir });
  stores.push(store);
  const lines: string[] = [];
  return { store, dataDir, lines, log: (line) => lines.push(line) };
}

describe('documentsToHost (penholder host --open)', () => {
  it('records the import by absolute path and content hash, so a relative path to the same file continues the same documents', async () => {
    const { store, dataDir, log, lines } = setup();
    const file = path.join(dataDir, 'doc.json');
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/backend-resolution.json'), file);
    const first = await documentsToHost(store, file, { log });
    expect(first).toHaveLength(1);
    expect(store.importedFile(file)).toMatchObject({ source: file, documents: first, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = await documentsToHost(store, path.relative(process.cwd(), file), { log });
    expect(again).toEqual(first);
    expect(lines.at(-1)).toMatch(/^continuing the 1 document imported from .*doc\.json on .* \(same content, not imported again\)$/);
    expect(store.listDocuments()).toHaveLength(1);
  });

  it('imports again when the documents recorded for the file are not in the store (a start killed between record and creation)', async () => {
    const { store, dataDir, log, lines } = setup();
    const file = path.join(dataDir, 'draft.txt');
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/backend-import.txt'), file);
    store.rememberImport({ source: file, sha256: 'x', documents: ['never-created'] });
    const ids = await documentsToHost(store, file, { log });
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => store.getDocument(id) !== undefined)).toBe(true);
    expect(lines.at(-1)).toContain('are not in the store (an interrupted start?): imported it again as 2 documents');
    expect(store.importedFile(file)?.documents).toEqual(ids);
  });

  it('treats another file with the same text as another import', async () => {
    const { store, dataDir, log } = setup();
    const [a, b] = [path.join(dataDir, 'a.txt'), path.join(dataDir, 'b.txt')];
    for (const f of [a, b]) fs.copyFileSync(path.join(repoRoot, 'test/fixtures/backend-import.txt'), f);
    const fromA = await documentsToHost(store, a, { log });
    const fromB = await documentsToHost(store, b, { log });
    expect(fromB.filter((id) => fromA.includes(id))).toEqual([]);
    expect(await documentsToHost(store, a, { log })).toEqual(fromA);
  });
});
