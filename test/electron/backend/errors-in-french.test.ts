import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, StoreError, type Backend } from '../../../electron/backend/index.js';
import type { ApiErrorShape, Handlers } from '../../../shared/api/contract.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { catalogues } from '../../../shared/i18n/catalogues.js';
import { messageKeys, messageText, type Message } from '../../../shared/i18n/message.js';

// Issue 16 point 5: a refusal made in the backend reaches a French interface in French. Real
// backend on a real SQLite store, calls through the contract's dispatch (what both transports
// run), the error shape's text read in French as the renderer's errorText does.

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function backendIn(dir?: string): Promise<{ backend: Backend; handlers: Handlers; dir: string }> {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-fr-errors-'));
  if (!dir) cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const backend = await openBackend({ dataDir });
  cleanup.push(() => backend.close());
  return { backend, handlers: backend.connect(() => {}).handlers, dir: dataDir };
}

async function refusal(handlers: Handlers, channel: string, args: unknown): Promise<ApiErrorShape & { text: Message }> {
  const result = await dispatch(handlers, channel, args);
  if (result.ok) throw new Error(`expected ${channel} to be refused`);
  if (!result.error.text) throw new Error(`${channel} was refused without a text: ${result.error.message}`);
  return result.error as ApiErrorShape & { text: Message };
}

// Every key the message uses has a French sentence of its own (not the English fallback).
function frenchOnly(text: Message): void {
  const fr = catalogues.fr as unknown as Record<string, Record<string, unknown>>;
  for (const key of messageKeys(text)) {
    const [ns, dotted] = key.split(':') as [string, string];
    const found = dotted.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], fr[ns]);
    expect(typeof found, key).toBe('string');
  }
}

describe('backend refusals in a French interface', () => {
  it('a document that does not exist', async () => {
    const { handlers } = await backendIn();
    const error = await refusal(handlers, 'documents.open', { id: 'nope' });
    expect(error).toMatchObject({ code: 'not-found', message: 'There is no document with id nope.' });
    expect(messageText(error.text, 'fr')).toBe('Il n’y a pas de document ayant l’identifiant nope.');
    frenchOnly(error.text);
  });

  it('a file Penholder does not read (a PDF given to the import)', async () => {
    const { handlers } = await backendIn();
    const error = await refusal(handlers, 'files.inspect', { name: 'Rev1.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') });
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe('Rev1.pdf is a PDF: Penholder reads Word, Akoma Ntoso and text');
    expect(messageText(error.text, 'fr')).toBe('Rev1.pdf est un PDF\u00a0: Penholder lit les fichiers Word, Akoma Ntoso et texte');
    frenchOnly(error.text);
  });

  it('a step of the record the data does not allow (silence before anything is issued)', async () => {
    const { handlers } = await backendIn();
    const { id } = await handlers['documents.createFromTemplate']({ templateId: 'blank-resolution', title: 'Silence' });
    const error = await refusal(handlers, 'record.placeSilence', { id, date: '2099-01-15', time: '12:00', zone: 'Europe/Zurich' });
    expect(error.message).toBe('Nothing is issued yet: issue a revision first, then place it under silence.');
    expect(messageText(error.text, 'fr')).toMatch(/^Rien n’a encore été publié\u00a0: publiez d’abord une révision/);
    frenchOnly(error.text);
  });

  it('a data folder already open (the store refuses before any call)', async () => {
    const { dir } = await backendIn();
    const second = await openBackend({ dataDir: dir }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(second).toBeInstanceOf(StoreError);
    const text = (second as StoreError).text;
    expect((second as StoreError).message).toMatch(/is already open in this Penholder process/);
    expect(messageText(text, 'fr')).toMatch(/penholder\.sqlite est déjà ouvert dans ce processus Penholder\u00a0; fermez-le/);
    frenchOnly(text);
  });
});
