import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, StoreError } from '../../../electron/backend/index.js';
import { failureCode } from '../../../electron/backend/error-codes.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { FormatError } from '../../../shared/formats/types.js';
import { messageText, msg } from '../../../shared/i18n/message.js';

// An error of ours that says what kind of failure it is reaches the caller with that code and
// its catalogue text, through the real backend and dispatch (what both transports run).

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function handlersIn() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-error-codes-'));
  cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const backend = await openBackend({ dataDir });
  cleanup.push(() => backend.close());
  return backend.connect(() => {}).handlers;
}

describe('error codes by the kind of failure', () => {
  it('the negotiation overview of a document that does not exist is not-found, said in the interface language', async () => {
    const handlers = await handlersIn();
    const result = await dispatch(handlers, 'negotiation.overview', { docId: 'nope' });
    expect(result.ok).toBe(false);
    const error = (result as { ok: false; error: { code: string; message: string; text?: Parameters<typeof messageText>[0] } }).error;
    expect(error).toMatchObject({ code: 'not-found', message: 'There is no document with id nope.' });
    expect(messageText(error.text!, 'fr')).toBe('Il n’y a pas de document ayant l’identifiant nope.');
  });

  it('a missing thing, a refused step and refused input have their codes; a full disk stays internal', () => {
    expect(failureCode(new StoreError('missing', msg('backend:store.noDocument', { id: 'x' })))).toBe('not-found');
    expect(failureCode(new StoreError('refused', msg('backend:silence.noneToBreak')))).toBe('invalid-argument');
    expect(failureCode(new FormatError(msg('backend:store.noDocument', { id: 'x' })))).toBe('invalid-argument');
    expect(failureCode(new StoreError('disk-full', msg('backend:store.diskFullWrite', { file: 'f' })))).toBeUndefined();
    expect(failureCode(new Error('boom'))).toBeUndefined();
  });
});
