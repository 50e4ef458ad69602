import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanElectronShell } from './security-scan.js';

// The shell cannot run here (no Electron binary), so its security settings are checked by
// reading the real sources with the TypeScript compiler API. Each mutation below flips one
// setting in an in-memory copy and proves the scan notices.

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const file = (relative: string): string => path.join(root, relative);

type Mutation = { name: string; file: string; from: string; to: string; expect: RegExp };

const mutations: Mutation[] = [
  { name: 'contextIsolation off', file: 'electron/main/window.ts', from: 'contextIsolation: true', to: 'contextIsolation: false', expect: /contextIsolation/ },
  { name: 'sandbox off', file: 'electron/main/window.ts', from: 'sandbox: true', to: 'sandbox: false', expect: /sandbox/ },
  { name: 'nodeIntegration on', file: 'electron/main/window.ts', from: 'nodeIntegration: false,', to: 'nodeIntegration: true,', expect: /nodeIntegration/ },
  { name: 'nodeIntegration removed', file: 'electron/main/window.ts', from: 'nodeIntegration: false,', to: '', expect: /nodeIntegration must be false/ },
  { name: 'webSecurity off', file: 'electron/main/window.ts', from: 'webSecurity: true', to: 'webSecurity: false', expect: /webSecurity/ },
  { name: 'remote module', file: 'electron/main/window.ts', from: 'webSecurity: true,', to: 'webSecurity: true,\n      enableRemoteModule: true,', expect: /enableRemoteModule/ },
  { name: 'node in workers', file: 'electron/main/window.ts', from: 'nodeIntegrationInWorker: false', to: 'nodeIntegrationInWorker: true', expect: /nodeIntegrationInWorker/ },
  { name: 'preferences via spread', file: 'electron/main/window.ts', from: 'preload: preloadPath,', to: 'preload: preloadPath,\n      ...loose,', expect: /spreads/ },
  { name: 'window.open allowed', file: 'electron/main/hardening.ts', from: "({ action: 'deny' })", to: "({ action: 'allow' })", expect: /window open handler/ },
  { name: 'navigation not handled', file: 'electron/main/hardening.ts', from: "'will-navigate'", to: "'did-navigate'", expect: /will-navigate/ },
  { name: 'permissions granted', file: 'electron/main/hardening.ts', from: 'callback(false)', to: 'callback(true)', expect: /permission/ },
  { name: 'unsafe-eval', file: 'electron/main/csp.ts', from: `"script-src 'self'"`, to: `"script-src 'self' 'unsafe-eval'"`, expect: /unsafe-eval/ },
  { name: 'default-src loosened', file: 'electron/main/csp.ts', from: `"default-src 'self'"`, to: `"default-src *"`, expect: /default-src/ },
  { name: 'inline scripts', file: 'electron/main/csp.ts', from: `"script-src 'self'"`, to: `"script-src 'self' 'unsafe-inline'"`, expect: /script-src/ },
  { name: 'CSP header not sent', file: 'electron/main/hardening.ts', from: 'responseHeaders: withSecurityHeaders(details.responseHeaders)', to: 'responseHeaders: details.responseHeaders', expect: /onHeadersReceived/ },
  { name: 'sender not checked', file: 'electron/main/invoke-handler.ts', from: 'if (!isTrustedSender(event, handlersFor)) {', to: 'if (event === undefined) {', expect: /validate its sender/ },
  { name: 'no sandbox for all', file: 'electron/main/main.ts', from: 'app.enableSandbox();', to: '', expect: /enableSandbox/ },
  { name: 'ipcRenderer exposed', file: 'electron/preload/preload.ts', from: 'contextBridge.exposeInMainWorld(\n  BRIDGE_GLOBAL,', to: "contextBridge.exposeInMainWorld('ipc', ipcRenderer);\ncontextBridge.exposeInMainWorld(\n  BRIDGE_GLOBAL,", expect: /ipcRenderer is used as a value/ },
  { name: 'sendSync used', file: 'electron/preload/preload.ts', from: 'ipcRenderer.invoke(IPC_INVOKE_CHANNEL', to: 'ipcRenderer.sendSync(IPC_INVOKE_CHANNEL', expect: /forbidden method/ },
  { name: 'event object leaked', file: 'electron/preload/preload.ts', from: 'listener(name, payload)', to: 'listener(_event, payload)', expect: /IpcRendererEvent/ },
  { name: 'channel allow-list skipped', file: 'electron/preload/create-bridge.ts', from: 'if (!isAllowedChannel(channel)) {', to: 'if (channel === undefined) {', expect: /channels allow-list/ },
  { name: 'event allow-list skipped', file: 'electron/preload/create-bridge.ts', from: 'if (!isAllowedEvent(event))', to: 'if (event === undefined)', expect: /eventNames allow-list/ },
];

describe('static security scan of the Electron shell', () => {
  it('finds no violation in the real sources', () => {
    const report = scanElectronShell(root);
    expect(report.files.map((f) => path.relative(root, f))).toEqual(
      expect.arrayContaining(['electron/main/main.ts', 'electron/main/window.ts', 'electron/preload/preload.ts']),
    );
    expect(report.violations).toEqual([]);
  });

  it.each(mutations)('notices: $name', (m) => {
    const original = readFileSync(file(m.file), 'utf8');
    expect(original, `mutation target not found in ${m.file}; update this test with the source`).toContain(m.from);
    const report = scanElectronShell(root, { [file(m.file)]: original.replace(m.from, m.to) });
    expect(report.violations.join('\n')).toMatch(m.expect);
  });
});
