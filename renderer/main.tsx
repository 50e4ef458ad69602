import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { connectApi } from './api/connect.js';
import { messageOf } from './format.js';
import { installUnsavedGuard } from './document/unsaved-guard.js';
import { t, useT } from './i18n/index.js';
import { loadInterfaceLanguage } from './i18n/interface-language-field.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles/app.css';
import './styles/document.css';
import './styles/history.css';
import './styles/consultation.css';
import './styles/dashboard.css';
import './styles/negotiation.css';
import './styles/negotiation-toolbar.css';
import './styles/status.css';
import './styles/negotiation-views.css';
import './styles/responsive.css';
import './styles/compact.css';
import './styles/print.css';
import './styles/i18n.css';

/**
 * The renderer's entry: connects to the backend (IPC inside Electron, the WebSocket in the
 * browser shell), switches to the stored interface language, then renders the app; if no
 * connection can be made, says why.
 */
export async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  installUnsavedGuard(window);
  try {
    const api = await connectApi(window);
    await loadInterfaceLanguage(api);
    root.render(
      <StrictMode>
        <Localised api={api} />
      </StrictMode>,
    );
  } catch (cause) {
    root.render(
      <main className="connection-error" role="alert">
        <h1>{t('common:noBackend')}</h1>
        <p>{messageOf(cause)}</p>
      </main>,
    );
  }
}

// Re-renders the whole app when the interface language changes, so components that call the
// plain t() (not the useT hook) show the new language too; memoised ones call useT() themselves.
function Localised({ api }: { api: Parameters<typeof App>[0]['api'] }) {
  useT();
  return <App api={api} />;
}

const container = document.getElementById('root');
if (container) void start(container);
