import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/index.js';
import type { Handlers } from '../../../shared/api/contract.js';
import { isMessage, messageText, type Message } from '../../../shared/i18n/message.js';
import { errorOf } from './error-of.js';

// What the readers found reaches the interface as catalogue messages: through the real
// backend on a real SQLite store, a French interface reads the warnings and refusals in French.

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function connect(): Promise<Handlers> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-import-messages-'));
  const backend = await openBackend({ dataDir: dir });
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => backend.close());
  return backend.connect(() => undefined).handlers;
}

const draft = 'Water for all\n\nThe General Assembly,\n\n1. Decides to act ] now;\n\n2. Requests a report;\n';
const bytes = (text: string) => new TextEncoder().encode(text);

// `messages` holds a message per warning, each the warning in English.
function expectAligned(result: { warnings: string[]; messages?: Message[] }): Message[] {
  const messages = result.messages ?? [];
  expect(messages).toHaveLength(result.warnings.length);
  messages.forEach((m, i) => expect(messageText(m)).toBe(result.warnings[i]));
  return messages;
}

describe('import warnings and refusals in the interface language', () => {
  it('files.import: each warning is a message, the file named, the French sentence from the catalogue', async () => {
    const handlers = await connect();
    const result = await handlers['files.import']({ files: [{ name: 'water.txt', bytes: bytes(draft) }] });
    expect(result.documents).toHaveLength(1);
    const messages = expectAligned(result);
    expect(result.warnings).toEqual(['water.txt: line 5, document 1, OP 1: a closing bracket "]" has no opening bracket; it is kept as text (near "Decides to act ] now;")']);
    expect(messages.map((m) => messageText(m, 'fr'))).toEqual([
      'water.txt\u00a0: ligne 5, document 1, OP 1\u00a0: un crochet fermant «\u00a0]\u00a0» n’a pas de crochet ouvrant\u00a0; il est conservé comme texte (près de «\u00a0Decides to act ] now;\u00a0»)',
    ]);
  });

  it('documents.importText carries the messages too', async () => {
    const handlers = await connect();
    const result = await handlers['documents.importText']({ text: draft });
    const messages = expectAligned(result);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => isMessage(m))).toBe(true);
  });

  it('a Word file with a broken main part is refused with the reader\'s message, French in a French interface', async () => {
    const handlers = await connect();
    const docx = zipSync({ '[Content_Types].xml': bytes('<Types/>'), 'word/document.xml': bytes('<w:document><w:body></w:document>') });
    const err = (await errorOf(handlers['files.import']({ files: [{ name: 'notes.docx', bytes: docx }] }))) as {
      code: string;
      message: string;
      text?: Message;
    };
    expect(err.code).toBe('invalid-argument');
    expect(err.message).toMatch(/docx: part word\/document\.xml is not well-formed XML \(.+\)/);
    expect(isMessage(err.text)).toBe(true);
    expect(messageText(err.text as Message, 'fr')).toMatch(/docx\u00a0: la partie word\/document\.xml n’est pas du XML bien formé \(.+\)/);
  });
});
