import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/index.js';

// The shells' import goes through the backend, which imports synchronously: text built to be
// slow froze it (issue 13: 3,000 blank lines held `penholder web` for 11 s). Through the real
// backend and its store, the same text is now imported in milliseconds.

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('documents.importText on text built to be slow', () => {
  it('imports 3,000 and 100,000 blank lines without holding the backend', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-import-hostile-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const backend = await openBackend({ dataDir: dir });
    cleanup.push(() => backend.close());
    const { handlers } = backend.connect(() => undefined);
    for (const blank of [3_000, 100_000]) {
      const text = `A title\n\nThe General Assembly,\n${'\n'.repeat(blank)}1. Decides to act.\n${'\n'.repeat(blank)}2. Requests a report.\n`;
      const started = performance.now();
      const { documents } = await handlers['documents.importText']({ text, fileName: 'blank.txt' });
      const took = performance.now() - started;
      expect(documents).toHaveLength(1);
      // A guard, not a benchmark (bench/import-hostile.ts measures): before, 3,000 took seconds.
      expect(took).toBeLessThan(2_000);
    }
  }, 30_000);
});
