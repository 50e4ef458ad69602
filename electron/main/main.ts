import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { defaultDataDir, openBackend } from '../backend/index.js';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/bridge.js';
import { flushWindow } from './close-guard.js';
import { applySessionPolicy, hardenWebContents } from './hardening.js';
import { createInvokeHandler } from './invoke-handler.js';
import { locateNativeBinding } from './native-binding.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { createWindowSessions } from './window-sessions.js';
import type { WindowSessions } from './window-sessions.js';

// The Electron entry point (bundled to dist-electron/main.cjs). It only wires things:
// security policy, the app protocol, the backend, IPC and the quit-time flush.

registerAppScheme();
app.enableSandbox();
// The same folder as the browser shell's (and PENHOLDER_DATA_DIR), whatever productName
// the packager sets; it must be fixed before ready for Chromium's own data to follow.
app.setPath('userData', defaultDataDir());

let windows: WindowSessions | undefined;
let closeBackend: (() => Promise<void>) | undefined;
let shutdown: 'running' | 'flushing' | 'done' = 'running';

if (!app.requestSingleInstanceLock()) {
  // A second copy on the same data folder would fight over the SQLite file.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => windows?.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'flushing') return;
    shutdown = 'flushing';
    void flushAndClose().finally(() => {
      shutdown = 'done';
      app.quit();
    });
  });
  app.whenReady().then(start).catch(failToStart);
}

async function start(): Promise<void> {
  const appPath = app.getAppPath();
  applySessionPolicy(session.defaultSession);
  serveAppProtocol(path.join(appPath, 'dist', 'renderer'));
  const nativeBinding = locateNativeBinding({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath,
    env: process.env,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  const backend = await openBackend({ dataDir: app.getPath('userData'), nativeBinding });
  closeBackend = () => backend.close();
  const sessions = createWindowSessions(backend, path.join(appPath, 'dist-electron', 'preload.cjs'));
  windows = sessions;
  ipcMain.handle(
    IPC_INVOKE_CHANNEL,
    createInvokeHandler(
      (id) => sessions.handlersFor(id),
      (error, channel) => console.error(`Penholder: ${channel} failed`, error),
    ),
  );
  sessions.open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) sessions.open();
  });
}

async function flushAndClose(): Promise<void> {
  try {
    // Pages first: their last updates need the backend connections still open.
    await Promise.all(BrowserWindow.getAllWindows().map((window) => flushWindow(window)));
    windows?.closeAll();
    await closeBackend?.();
  } catch (cause) {
    console.error('Penholder: closing the backend failed', cause);
  }
}

function failToStart(cause: unknown): void {
  const message = cause instanceof Error ? cause.message : String(cause);
  console.error('Penholder could not start:', cause);
  dialog.showErrorBox('Penholder could not start', message);
  shutdown = 'done';
  app.exit(1);
}
