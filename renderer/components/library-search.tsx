import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient, LibraryHit, LibrarySearchMode } from '../../shared/api/contract.js';
import { subscribeView } from '../editor/view-listeners.js';
import { messageOf } from '../format.js';
import { distinctSources } from '../library/agreed-language.js';
import { citeHit, collapseToEnd, insertHitAfter } from '../library/insert-hit.js';
import { lookupAt } from '../library/lookup.js';
import type { LibraryLookup } from '../library/lookup.js';
import { LibraryHitCard } from './library-hit.js';
import { t, translatedRecord } from '../i18n/index.js';

/** Props of the library search: the API, the editor (null while it opens) and a notice line for what an action did. */
export type LibrarySearchProps = { api: ApiClient; view: EditorView | null; onNotice: (text: string) => void };

/** How long (ms) the selection must rest before the library is asked: typing stays fast. */
export const lookupDelayMs = 250;

const hitLimit = 10;
// A bracket's text is counted in up to this many paragraphs ("agreed language in N resolutions").
const bracketLimit = 100;

const modeNames: Readonly<Record<Exclude<LibrarySearchMode, 'similar'>, string>> = translatedRecord(['phrase', 'words', 'partial'], 'library:mode.');

type Answer = { key: string; hits: LibraryHit[]; sources: number } | { key: string; error: string };

// The lookup that follows the editor, updated only when what it would search or show changes.
function useFollowedLookup(view: EditorView | null): LibraryLookup | null {
  const [lookup, setLookup] = useState<LibraryLookup | null>(null);
  useEffect(() => {
    if (!view) {
      setLookup(null);
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribeView(view, (state) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const next = lookupAt(state);
        setLookup((prev) => (prev?.key === next?.key && prev?.where === next?.where ? prev : next));
      }, lookupDelayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [view]);
  return lookup;
}

/**
 * The Search tab of the Library panel. With the search box empty it follows the editor
 * (after `lookupDelayMs` of rest): a selected phrase is searched as a phrase, the bracket
 * the cursor is in as a phrase too (with "this alternative is agreed language in N
 * resolutions"), the cursor's paragraph for similar paragraphs, each hit compared word by
 * word with the paragraph. A typed query is searched as a phrase, all words or parts of words.
 */
export function LibrarySearch({ api, view, onNotice }: LibrarySearchProps) {
  const followed = useFollowedLookup(view);
  const [typed, setTyped] = useState('');
  const [mode, setMode] = useState<Exclude<LibrarySearchMode, 'similar'>>('phrase');
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);

  // The typed query is searched once typing in the box rests too.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), lookupDelayMs);
    return () => clearTimeout(timer);
  }, [typed]);

  const search = query ? { text: query, mode, key: `q:${mode}:${query}` } : followed ? { text: followed.text, mode: followed.mode, key: followed.key } : null;
  const asked = useRef('');
  useEffect(() => {
    if (!search) return;
    const key = search.key;
    asked.current = key;
    const bracket = followed?.kind === 'bracket' && !query;
    api.invoke('library.search', { query: search.text, mode: search.mode, limit: bracket ? bracketLimit : hitLimit }).then(
      (result) => {
        if (asked.current === key) setAnswer({ key, hits: result.hits.slice(0, hitLimit), sources: distinctSources(result.hits) });
      },
      (cause: unknown) => {
        if (asked.current === key) setAnswer({ key, error: messageOf(cause) });
      },
    );
    // The key names everything searched: the search object itself is new on every render.
  }, [api, search?.key]);

  const fresh = answer && search && answer.key === search.key ? answer : null;
  // While the next answer is on its way the last hits stay, dimmed, so typing does not make the list flicker.
  const shown = search ? answer : null;
  const stale = shown !== null && shown !== fresh;
  const comparing = !query && followed?.kind === 'paragraph';
  const act = (hit: LibraryHit, what: 'insert' | 'cite') => {
    if (!view) return;
    if (what === 'insert') {
      if (insertHitAfter(hit)(view.state, view.dispatch)) onNotice(t('library:librarySearch.insertedTheParagraphOf', { symbol: hit.symbol, label: hit.label, value: followed?.where ?? 'the paragraph' }));
      else onNotice(t('library:librarySearch.putTheCursorIn'));
    } else {
      const collapse = collapseToEnd(view.state);
      if (collapse) view.dispatch(collapse);
      if (citeHit(hit)(view.state, view.dispatch)) onNotice(t('library:librarySearch.cited', { symbol: hit.symbol, label: hit.label }));
      else onNotice(t('library:librarySearch.putTheCursorIn2'));
    }
    view.focus();
  };

  return (
    <div className="library-search">
      <div className="library-search-box">
        <input type="search" value={typed} placeholder={t('library:librarySearch.searchAgreedLanguage')} aria-label={t('library:librarySearch.searchTheLibrary')} onChange={(e) => setTyped(e.target.value)} />
        <select value={mode} aria-label={t('library:librarySearch.searchFor')} onChange={(e) => setMode(e.target.value as typeof mode)}>
          {Object.entries(modeNames).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <p className="library-following" aria-live="polite">
        {query
          ? `${modeNames[mode]}: “${query}”`
          : followed
            ? followed.kind === 'selection'
              ? t('library:librarySearch.theSelectedPhraseIn', { where: followed.where })
              : followed.kind === 'bracket'
                ? t('library:librarySearch.theBracketIn', { where: followed.where })
                : t('library:librarySearch.paragraphsLike', { where: followed.where })
            : t('library:librarySearch.selectAPhraseOr')}
      </p>
      {fresh && 'hits' in fresh && !query && followed?.kind === 'bracket' ? (
        <p className="library-bracket-verdict" role="status">
          {fresh.sources === 0 ? t('library:librarySearch.thisAlternativeIsNot') : t('library:librarySearch.alternativeAgreed', { count: fresh.sources })}
        </p>
      ) : null}
      {fresh && 'error' in fresh ? (
        <p className="panel-error" role="alert">
          {t('library:librarySearch.theLibraryCouldNot')}{' '}{fresh.error}
        </p>
      ) : null}
      {search && !shown ? <p className="list-empty">{t('library:librarySearch.searching')}</p> : null}
      {fresh && 'hits' in fresh && fresh.hits.length === 0 ? <p className="list-empty">{comparing ? t('library:librarySearch.noParagraphLikeThis') : t('library:librarySearch.notFoundInThe')}</p> : null}
      {shown && 'hits' in shown && shown.hits.length > 0 ? (
        <ol className={stale ? 'library-hits library-stale' : 'library-hits'} aria-label={t('library:librarySearch.libraryHits')} aria-busy={stale}>
          {shown.hits.map((hit) => (
            <LibraryHitCard
              key={hit.id}
              hit={hit}
              current={comparing ? (followed?.paragraphText ?? null) : null}
              phrase={search?.text ?? ''}
              mode={search?.mode ?? 'phrase'}
              insertAfter={followed?.where ?? null}
              onInsert={() => act(hit, 'insert')}
              onCite={() => act(hit, 'cite')}
            />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
