import { useCallback, useEffect, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient, ChannelResult } from '../../shared/api/contract.js';
import { messageOf } from '../format.js';
import type { BarMenuItem } from './bar-menu.js';
import { LibraryAdd } from './library-add.js';
import { LibraryProvenance } from './library-provenance.js';
import { LibrarySearch } from './library-search.js';
import '../styles/library.css';
import { t, translatedRecord } from '../i18n/index.js';

/** What the document view places for the library: its entry in the View menu and its side panel (null when closed). */
export type LibraryTools = { menuItem: BarMenuItem; panel: ReactNode };

type Tab = 'search' | 'provenance' | 'add';
const tabs: Tab[] = ['search', 'provenance', 'add'];
const tabNames = translatedRecord(tabs, 'library:tab.');

/** The library's size as read: "5 texts · 1,234 paragraphs · 2.1 MB" (no size while it holds no paragraph: its file is only the empty tables). */
export function statsLine(stats: ChannelResult<'library.stats'>): string {
  const mb = stats.bytes / 1024 / 1024;
  const size = mb >= 0.1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(stats.bytes / 1024))} KB`;
  const counts = `${t('library:libraryPanel.statsTexts', { count: stats.documents })} · ${t('library:libraryPanel.statsParagraphs', { count: stats.paragraphs })}`;
  return stats.paragraphs === 0 ? counts : `${counts} · ${size}`;
}

/**
 * The Library panel of one open document (issue 15): where the language under the cursor
 * was agreed (search, compare, insert, cite), the provenance of the whole draft, and adding
 * texts to the library, with the library's size at its foot. Shown from the View menu.
 */
export function useLibraryPanel(api: ApiClient, docId: string, view: EditorView | null): LibraryTools {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('search');
  const [stats, setStats] = useState<ChannelResult<'library.stats'> | null>(null);
  const [statsError, setStatsError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const loadStats = useCallback(() => {
    api.invoke('library.stats', {}).then(
      (s) => {
        setStats(s);
        setStatsError(null);
      },
      (cause: unknown) => setStatsError(messageOf(cause)),
    );
  }, [api]);
  useEffect(() => {
    if (open) loadStats();
  }, [open, loadStats]);

  const empty = stats !== null && stats.paragraphs === 0;
  // Arrow keys, Home and End move between the tabs, as in any tab list.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const chosen = tabs[(next + tabs.length) % tabs.length] ?? tab;
    setTab(chosen);
    event.currentTarget.querySelector<HTMLElement>(`#library-tab-${chosen}`)?.focus();
  };
  const panel = open ? (
    <section className="side-panel library-panel" aria-label={t('library:libraryPanel.library')}>
      <h2 className="panel-title">{t('library:libraryPanel.library')}</h2>
      <div className="library-tabs" role="tablist" aria-label={t('library:libraryPanel.library')} onKeyDown={onTabKey}>
        {tabs.map((each) => (
          <button key={each} type="button" role="tab" id={`library-tab-${each}`} aria-selected={tab === each} tabIndex={tab === each ? 0 : -1} aria-controls="library-tabpanel" className="library-tab" onClick={() => setTab(each)}>
            {tabNames[each]}
          </button>
        ))}
      </div>
      <div id="library-tabpanel" role="tabpanel" aria-labelledby={`library-tab-${tab}`} className="library-tabpanel">
        {tab === 'search' && empty ? (
          <p className="list-empty">
            {t('library:libraryPanel.theLibraryIsEmpty')}{' '}
            <button type="button" className="link-button" onClick={() => setTab('add')}>
              {t('library:libraryPanel.addAdoptedTexts')}
            </button>{' '}
            {t('library:libraryPanel.toSeeWhereYour')}
          </p>
        ) : null}
        {tab === 'search' ? <LibrarySearch api={api} view={view} onNotice={setNotice} /> : null}
        {tab === 'provenance' ? <LibraryProvenance api={api} docId={docId} view={view} /> : null}
        {tab === 'add' ? <LibraryAdd api={api} docId={docId} onAdded={loadStats} /> : null}
      </div>
      {notice ? (
        <p className="library-notice" role="status">
          {notice}
        </p>
      ) : null}
      <p className="library-stats" aria-label={t('library:libraryPanel.librarySize')}>
        {statsError ? t('library:libraryPanel.libraryUnavailable', { statsError }) : stats ? t('library:libraryPanel.library2', { statsLine: statsLine(stats) }) : ''}
      </p>
    </section>
  ) : null;
  const menuItem: BarMenuItem = { key: 'library', label: t('library:libraryPanel.library3'), checked: open, title: t('library:libraryPanel.agreedLanguageWhereThe'), onSelect: () => setOpen((o) => !o) };
  return { menuItem, panel };
}
