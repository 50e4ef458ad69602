import { app, type BrowserWindow } from 'electron';
import { pickInterfaceLanguage } from '../../shared/i18n/languages.js';
import type { Handlers } from '../../shared/api/contract.js';
import { IPC_EVENT_CHANNEL } from '../../shared/api/bridge.js';
import { createEventForwarder } from './invoke-handler.js';
import { createMainWindow } from './window.js';
import { isAppUrl } from './app-origin.js';

/** The part of the backend the shell uses: one connection per window. */
export type BackendConnector = {
  connect(send: (event: string, payload: unknown) => void): { handlers: Handlers; close(): void };
};

/** The open windows, each with its own backend connection, keyed by webContents id. */
export type WindowSessions = {
  /** Opens a window on `url` (default the app entry) and connects it to the backend; the connection closes with the window. */
  open(url?: string): BrowserWindow;
  /**
   * Loads `url` (an app URL: the entry with a `#join=` hash) in the first open window and
   * brings it to the front; false when no window is open.
   */
  showInFirst(url: string): boolean;
  /** The handler map of the window whose webContents has this id, if it is one of ours. */
  handlersFor(webContentsId: number): Handlers | undefined;
  /** Brings the first open window to the front (second instance launched). */
  focus(): void;
  /** Closes every backend connection (before the backend itself closes on quit). */
  closeAll(): void;
};

/**
 * Returns the window registry. Events the backend pushes to a connection are forwarded to
 * that window only, on `penholder:event`, while its webContents is alive.
 */
export function createWindowSessions(backend: BackendConnector, preloadPath: string): WindowSessions {
  const sessions = new Map<number, { window: BrowserWindow; close(): void; handlers: Handlers }>();

  const closeOne = (id: number): void => {
    const session = sessions.get(id);
    sessions.delete(id);
    session?.close();
  };

  return {
    open(url) {
      // The native dialogs' language: the stored interface preference, else the OS locale;
      // read again whenever the window is focused, as the page may have changed it.
      let language = pickInterfaceLanguage(null, [app.getLocale()]);
      const window = createMainWindow(preloadPath, url, () => language);
      const contents = window.webContents;
      const id = contents.id;
      const send = createEventForwarder(
        (name, payload) => contents.send(IPC_EVENT_CHANNEL, name, payload),
        () => !contents.isDestroyed(),
      );
      const connection = backend.connect(send);
      sessions.set(id, { window, handlers: connection.handlers, close: () => connection.close() });
      const readLanguage = () =>
        connection.handlers['preferences.get']({}).then(
          (p) => (language = pickInterfaceLanguage(p.interfaceLanguage, [app.getLocale()])),
          () => undefined,
        );
      void readLanguage();
      window.on('focus', () => void readLanguage());
      window.on('closed', () => closeOne(id));
      return window;
    },
    handlersFor: (id) => sessions.get(id)?.handlers,
    showInFirst(url) {
      const first = sessions.values().next();
      if (first.done === true || !isAppUrl(url)) return false;
      const { window } = first.value;
      // Only the hash differs from the page's own URL: a same-page navigation, nothing reloads.
      void window.loadURL(url);
      if (window.isMinimized()) window.restore();
      window.focus();
      return true;
    },
    focus() {
      const first = sessions.values().next();
      if (first.done === true) return;
      const { window } = first.value;
      if (window.isMinimized()) window.restore();
      window.focus();
    },
    closeAll() {
      for (const id of [...sessions.keys()]) closeOne(id);
    },
  };
}
