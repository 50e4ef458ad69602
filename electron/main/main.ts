import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { defaultDataDir, openBackend } from '../backend/index.js';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/bridge.js';
import { flushWindow } from './close-guard.js';
import { applySessionPolicy, hardenWebContents } from './hardening.js';
import { createInvokeHandler } from './invoke-handler.js';
import { createJoinLinkHandoff, JOIN_SCHEME, joinLinkFromArgv } from './join-link-handoff.js';
import { locateNativeBinding } from './native-binding.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { startFailure } from './start-failure.js';
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
// penholder://join links from the OS open the join dialog filled in (joining needs the person's Join).
const joinLinks = createJoinLinkHandoff({
  showInOpenWindow: (url) => windows?.showInFirst(url) ?? false,
  openWindow: (url) => void windows?.open(url),
});

if (!app.requestSingleInstanceLock()) {
  // A second copy on the same data folder would fight over the SQLite file.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  registerJoinScheme();
  const launchLink = joinLinkFromArgv(process.argv);
  if (launchLink !== null) joinLinks.receive(launchLink);
  // Windows and Linux: a link opened while Penholder runs starts a second copy, whose argv carries it.
  app.on('second-instance', (_event, argv) => {
    const link = joinLinkFromArgv(argv);
    if (link !== null) joinLinks.receive(link);
    else windows?.focus();
  });
  // macOS: links arrive as events, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    joinLinks.receive(url);
  });
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
  sessions.open(joinLinks.takePending());
  joinLinks.ready();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) sessions.open();
  });
}

// Makes this app the handler of penholder:// links. Run from a source checkout (`electron .`),
// the OS must start Electron with the app's folder, or the link would open a bare Electron.
function registerJoinScheme(): void {
  if (process.defaultApp) {
    const entry = process.argv[1];
    if (entry !== undefined) app.setAsDefaultProtocolClient(JOIN_SCHEME, process.execPath, [path.resolve(entry)]);
  } else {
    app.setAsDefaultProtocolClient(JOIN_SCHEME);
  }
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
  console.error('Penholder could not start:', cause);
  const { title, message } = startFailure(cause, [app.getLocale()]);
  dialog.showErrorBox(title, message);
  shutdown = 'done';
  app.exit(1);
}
