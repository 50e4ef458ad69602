import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule of DESIGN.md, exercised through ESLint's own API against the project's
// real config: each snippet is linted as if it lived at `file`.

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: Array<[file: string, code: string]> = [
  ['renderer/x.ts', "import Database from 'better-sqlite3';\nexport const db = Database;\n"],
  ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const ipc = ipcRenderer;\n"],
  ['renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
  ['renderer/x.ts', "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n"],
  ['renderer/x.tsx', "import { app } from 'electron';\nexport const a = app;\n"],
  ['renderer/x.ts', "export const start = () => import('../electron/backend/x.js');\n"],
  ['renderer/x.ts', "export const load = () => import('node:fs');\n"],
  ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
  ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['shared/x.ts', "export const load = () => import('node:fs');\n"],
  ['shared/x.ts', "export const fs = require('fs');\n"],
  ['schemas/x.ts', "import * as Y from 'yjs';\nexport const doc = new Y.Doc();\n"],
  ['schemas/x.ts', "export const load = () => import('yjs');\n"],
  ['electron/backend/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['electron/backend/x.ts', "export const load = () => import('electron');\n"],
];

const allowed: Array<[file: string, code: string]> = [
  ['renderer/x.ts', "import { channels } from '../shared/api/contract.js';\nexport const c = channels;\n"],
  ['renderer/x.ts', "import { Schema } from 'prosemirror-model';\nexport const s = Schema;\n"],
  ['shared/x.ts', "import { Schema } from 'prosemirror-model';\nexport const s = Schema;\n"],
  ['schemas/x.ts', "import { Schema } from 'prosemirror-model';\nexport const s = Schema;\n"],
  ['schemas/x.ts', "import { marks } from './resolution-marks.js';\nexport const m = marks;\n"],
  ['shared/x.ts', "import { marks } from '../schemas/resolution-marks.js';\nexport const load = () => import('./y.js');\nexport const m = marks;\n"],
  ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nexport const b = contextBridge;\n"],
  ['electron/backend/x.ts', "import Database from 'better-sqlite3';\nimport { readFileSync } from 'node:fs';\nexport const x = [Database, readFileSync];\n"],
];

describe('layering rule (eslint.layering.js)', () => {
  it.each(forbidden)('rejects %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([]);
  });

  it.each(allowed)('accepts %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
