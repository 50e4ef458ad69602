import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { startFailure } from '../../../electron/main/start-failure.js';

// The box shown when Penholder cannot start speaks the system's language: a real refusal of
// the store (its data folder already open), told on a French and on a German system.

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('startFailure', () => {
  it('says a store refusal in the system language, English when it has no catalogue', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-start-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const first: Backend = await openBackend({ dataDir: dir });
    cleanup.push(() => first.close());
    const refusal: unknown = await openBackend({ dataDir: dir }).then(
      () => null,
      (err: unknown) => err,
    );
    const fr = startFailure(refusal, ['fr-FR']);
    expect(fr.title).toBe('Penholder n’a pas pu démarrer');
    expect(fr.message).toMatch(/^.+penholder\.sqlite est déjà ouvert dans ce processus Penholder\u00a0; fermez-le avant de l’ouvrir à nouveau\.$/);
    const de = startFailure(refusal, ['de-DE']);
    expect(de.title).toBe('Penholder could not start');
    expect(de.message).toBe((refusal as Error).message);
  });

  it('shows any other error as its message', () => {
    expect(startFailure(new Error('The SQLite module built for Electron 39 is missing.'), ['fr'])).toEqual({
      title: 'Penholder n’a pas pu démarrer',
      message: 'The SQLite module built for Electron 39 is missing.',
    });
    expect(startFailure('a string', ['en']).message).toBe('a string');
  });
});
