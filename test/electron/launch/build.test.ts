import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../electron/launch/build.mjs';

// Builds the real main and preload bundles into a temp folder, then checks what Electron
// would load: the preload's only dependency is 'electron' (a sandboxed preload cannot
// require anything else), and it behaves when run the way Electron's sandbox runs it.

const root = path.resolve(import.meta.dirname, '..', '..', '..');
let outDir = '';
let bundles = { main: '', preload: '' };

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'penholder-build-'));
  bundles = await buildElectron({ root, outDir });
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function requiredModules(code: string): Set<string> {
  return new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? ''));
}

type FakeIpc = { calls: unknown[][]; listeners: Array<(...args: unknown[]) => void> };

function runPreload(code: string): { exposed: Record<string, unknown>; ipc: FakeIpc } {
  const exposed: Record<string, unknown> = {};
  const ipc: FakeIpc = { calls: [], listeners: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        ipc.calls.push(args);
        return Promise.resolve({ ok: true, result: 'from main' });
      },
      on: (_channel: string, listener: (...args: unknown[]) => void) => ipc.listeners.push(listener),
      removeListener: (_channel: string, listener: (...args: unknown[]) => void) => {
        ipc.listeners = ipc.listeners.filter((l) => l !== listener);
      },
    },
  };
  const sandboxRequire = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
  return { exposed, ipc };
}

describe('electron/launch/build.mjs', () => {
  it('produces main.cjs and preload.cjs', () => {
    expect(path.basename(bundles.main)).toBe('main.cjs');
    expect(path.basename(bundles.preload)).toBe('preload.cjs');
    expect(readFileSync(bundles.main, 'utf8').length).toBeGreaterThan(0);
  });

  it('leaves only electron, the native modules (better-sqlite3, Typst) and Node built-ins outside the main bundle', () => {
    const code = readFileSync(bundles.main, 'utf8');
    const allowed = new Set(['electron', 'better-sqlite3', '@myriaddreamin/typst-ts-node-compiler', 'bufferutil', 'utf-8-validate', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const outside = [...requiredModules(code)].filter((m) => !allowed.has(m));
    expect(outside).toEqual([]);
    expect(requiredModules(code)).toContain('electron');
    expect(() => new vm.Script(code, { filename: 'main.cjs' })).not.toThrow();
  });

  it('makes a preload that requires nothing but electron', () => {
    expect([...requiredModules(readFileSync(bundles.preload, 'utf8'))]).toEqual(['electron']);
  });

  it('makes a preload that exposes only penholder.invoke/on with the allow-lists', async () => {
    const { exposed, ipc } = runPreload(readFileSync(bundles.preload, 'utf8'));
    expect(Object.keys(exposed)).toEqual(['penholder']);
    const bridge = exposed.penholder as {
      invoke(channel: string, args: unknown): Promise<unknown>;
      on(event: string, listener: (payload: unknown) => void): () => void;
    };
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);

    await expect(bridge.invoke('documents.list', {})).resolves.toEqual({ ok: true, result: 'from main' });
    expect(ipc.calls).toEqual([['penholder:invoke', 'documents.list', {}]]);
    const refused = (await bridge.invoke('shell.openExternal', {})) as { ok: boolean; error: { code: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('unknown-channel');
    expect(ipc.calls).toHaveLength(1);

    expect(() => bridge.on('not.an.event', () => undefined)).toThrow(/Unknown event/);
    const seen: unknown[] = [];
    const off = bridge.on('documents.changed', (payload) => seen.push(payload));
    const event = { sender: 'the ipcRenderer must not leak' };
    for (const listener of ipc.listeners) listener(event, 'documents.changed', { ids: ['a'] });
    for (const listener of ipc.listeners) listener(event, 'document.update', { id: 'a' });
    off();
    for (const listener of ipc.listeners) listener(event, 'documents.changed', { ids: ['b'] });
    expect(seen).toEqual([{ ids: ['a'] }]);
    expect(ipc.listeners).toHaveLength(0);
  });
});
