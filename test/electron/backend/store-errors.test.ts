import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/index.js';
import { STORE_FILE_NAME } from '../../../electron/store/open-database.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { replicaOf, retitle, titleOf } from './edits.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-backend-errors-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('store errors through the backend', () => {
  it('a full disk reaches the caller as a clear message; the live document is rebuilt from the log and nothing saved is lost', async () => {
    const dir = tempDir();
    const setup = await openBackend({ dataDir: dir });
    const { handlers: h0 } = setup.connect(() => {});
    const { id } = await h0['documents.createFromTemplate']({ templateId: 'blank-resolution', title: 'Saved title' });
    await setup.close();

    const limit = fs.statSync(path.join(dir, STORE_FILE_NAME)).size + 48 * 1024;
    const backend = await openBackend({ dataDir: dir, maxBytes: limit });
    cleanup.push(() => backend.close());
    const { handlers } = backend.connect(() => {});
    const replica = replicaOf((await handlers['documents.open']({ id })).state);
    let saved = 'Saved title';
    let failure: unknown;
    for (let i = 0; i < 500 && !failure; i++) {
      const title = `Title ${i} ${'with many words '.repeat(30)}`;
      const result = await dispatch(handlers, 'documents.applyUpdate', { id, update: retitle(replica, title) });
      if (result.ok) saved = title;
      else failure = result.error;
    }
    expect(failure).toMatchObject({ code: 'internal', message: expect.stringMatching(/^The disk holding .* is full, so the last change could not be saved/) });
    // The backend's replica was rebuilt from the log: it holds the last saved title, not the refused one.
    const served = replicaOf((await handlers['documents.open']({ id })).state);
    expect(titleOf(served)).toBe(saved);
    expect(titleOf(replica)).not.toBe(saved);
    await backend.close();

    const after = await openBackend({ dataDir: dir });
    cleanup.push(() => after.close());
    const reopened = after.connect(() => {}).handlers;
    const state = (await reopened['documents.open']({ id })).state;
    expect(titleOf(replicaOf(state))).toBe(saved);
    expect(() => yDocToDoc(replicaOf(state))).not.toThrow();
    expect(Y.encodeStateVector(replicaOf(state))).toEqual(Y.encodeStateVector(served));
  });
});
