import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { LibraryHit, LibrarySearchMode } from '../../shared/api/contract.js';
import { compareWithHit, hitSource } from '../library/agreed-language.js';
import { t } from '../i18n/index.js';

/** Props of one library hit: the hit, the current paragraph's text to compare (null: show the phrase found), and the actions. */
export type LibraryHitCardProps = {
  hit: LibraryHit;
  /** The current paragraph's text: the hit is shown as its word diff to it. */
  current: string | null;
  /** The query searched and how: marked in the hit's text when `current` is null. */
  phrase: string;
  mode: LibrarySearchMode;
  /** Where "Insert after" puts the paragraph ("OP 5"); null disables it. */
  insertAfter: string | null;
  onInsert: () => void;
  onCite: () => void;
};

// Splits `text` around what was searched, case aside, marking it: the phrase (white space
// matched loosely), each whole word ('words'), or each fragment inside words ('partial').
function markSearched(text: string, phrase: string, mode: LibrarySearchMode): ReactNode[] {
  const words = phrase.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [text];
  const source = mode === 'phrase' ? words.join('\\s+') : mode === 'words' ? `(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])` : words.join('|');
  const pattern = new RegExp(source, 'giu');
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (match[0] === '') break;
    out.push(text.slice(last, at), <mark key={at}>{match[0]}</mark>);
    last = at + match[0].length;
  }
  out.push(text.slice(last));
  return out;
}

/**
 * One paragraph the library found: where it was agreed (short symbol, label, date, adopted
 * or draft, body), a sentence comparing it with the current wording, its text with the
 * differences marked word by word (agreed words struck, current words underlined) or the
 * phrase found marked, and the actions Insert after and Cite.
 */
export function LibraryHitCard({ hit, current, phrase, mode, insertAfter, onInsert, onCite }: LibraryHitCardProps) {
  const comparison = useMemo(() => (current === null ? null : compareWithHit(hit, current)), [hit, current]);
  const source = hitSource(hit);
  return (
    <li className="library-hit" data-symbol={hit.symbol} data-label={hit.label}>
      <div className="library-hit-head">
        <span className="library-hit-source">{source}</span>
        <span className={hit.adopted ? 'library-badge library-badge-adopted' : 'library-badge library-badge-draft'}>{hit.adopted ? t('library:libraryHit.adopted') : t('library:libraryHit.draft')}</span>
        {hit.date ? <span className="library-hit-date">{hit.date}</span> : null}
      </div>
      <div className="library-hit-meta" title={hit.title}>
        {hit.symbol}
        {hit.body ? ` · ${hit.body.replace(/[\s,:]+$/, '')}` : ''}
        {hit.similarity !== undefined ? t('library:libraryHit.alike', { percent: Math.round(hit.similarity * 100) }) : ''}
        {hit.sharedBy && hit.sharedBy > 1 ? t('library:libraryHit.sharedBy', { count: hit.sharedBy }) : ''}
      </div>
      {comparison ? <p className={comparison.verbatim ? 'library-hit-summary library-verbatim' : 'library-hit-summary'}>{comparison.sentence}</p> : null}
      <p className="library-hit-text" lang={hit.language || undefined}>
        {comparison
          ? comparison.ops.map((op, i) =>
              op.op === 'equal' ? (
                <span key={i}>{op.text}</span>
              ) : op.op === 'delete' ? (
                <del key={i} title={t('library:libraryHit.inTheAgreedText')}>
                  {op.text}
                </del>
              ) : (
                <ins key={i} title={t('library:libraryHit.inYourTextNot')}>
                  {op.text}
                </ins>
              ),
            )
          : markSearched(hit.text, phrase, mode)}
      </p>
      <div className="library-hit-actions">
        <button type="button" className="button subtle small" disabled={insertAfter === null} title={insertAfter ? t('library:libraryHit.insertThisParagraphAfter', { insertAfter }) : t('library:libraryHit.putTheCursorIn')} onClick={onInsert}>
          {insertAfter ? t('library:libraryHit.insertAfter', { insertAfter }) : t('library:libraryHit.insert')}
        </button>
        <button type="button" className="button subtle small" title={t('library:libraryHit.addAFootnoteCiting', { source })} onClick={onCite}>
          {t('library:libraryHit.cite')}
        </button>
      </div>
    </li>
  );
}
