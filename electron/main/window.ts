import { BrowserWindow, dialog } from 'electron';
import { guardWindowClose } from './close-guard.js';
import { APP_ENTRY_URL, isAppUrl } from './app-origin.js';
import { createI18n } from '../../shared/i18n/create.js';

/** The main window's size limits: 1280x800, never smaller than 1024x700. */
export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 700 } as const;

/**
 * Creates a Penholder window on the app origin with the locked-down web preferences
 * (isolated, sandboxed, no Node, web security on, no middle-click navigation) and the given bundled preload; it is shown
 * once its first paint is ready. The caller attaches the backend connection. `url` is the
 * app entry, possibly with a `#join=` hash (a join link the OS handed over); it must be on
 * the app origin, anything else loads the plain entry. `language` gives the interface language
 * of the window's native dialogs (read when one opens).
 */
export function createMainWindow(preloadPath: string, url: string = APP_ENTRY_URL, language: () => string = () => 'en'): BrowserWindow {
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
  guardWindowClose(window, () => confirmCloseUnsaved(window, language()));
  void window.loadURL(isAppUrl(url) ? url : APP_ENTRY_URL);
  return window;
}

// The page still holds changes the backend did not take (it keeps retrying while open).
function confirmCloseUnsaved(window: BrowserWindow, language: string): boolean {
  const { t } = createI18n(language);
  const choice = dialog.showMessageBoxSync(window, {
    type: 'warning',
    buttons: [t('desktop:unsaved.keepOpen'), t('desktop:unsaved.closeAnyway')],
    defaultId: 0,
    cancelId: 0,
    title: t('desktop:unsaved.title'),
    message: t('desktop:unsaved.message'),
    detail: t('desktop:unsaved.detail'),
  });
  return choice === 1;
}
