import { BrowserWindow, dialog } from 'electron';
import { guardWindowClose } from './close-guard.js';
import { APP_ENTRY_URL, isAppUrl } from './app-origin.js';

/** The main window's size limits: 1280x800, never smaller than 1024x700. */
export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 700 } as const;

/**
 * Creates a Penholder window on the app origin with the locked-down web preferences
 * (isolated, sandboxed, no Node, web security on, no middle-click navigation) and the given bundled preload; it is shown
 * once its first paint is ready. The caller attaches the backend connection. `url` is the
 * app entry, possibly with a `#join=` hash (a join link the OS handed over); it must be on
 * the app origin, anything else loads the plain entry.
 */
export function createMainWindow(preloadPath: string, url: string = APP_ENTRY_URL): BrowserWindow {
  const window = new BrowserWindow({
    ...WINDOW_SIZE,
    title: 'Penholder',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
      // A middle click (auxclick) on a link would otherwise ask for a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  guardWindowClose(window, () => confirmCloseUnsaved(window));
  void window.loadURL(isAppUrl(url) ? url : APP_ENTRY_URL);
  return window;
}

// The page still holds changes the backend did not take (it keeps retrying while open).
function confirmCloseUnsaved(window: BrowserWindow): boolean {
  const choice = dialog.showMessageBoxSync(window, {
    type: 'warning',
    buttons: ['Keep the window open', 'Close and lose them'],
    defaultId: 0,
    cancelId: 0,
    title: 'Unsaved changes',
    message: 'Some of your changes are not saved yet.',
    detail: 'Penholder keeps trying to save them while this window is open. If you close it now, they are lost.',
  });
  return choice === 1;
}
