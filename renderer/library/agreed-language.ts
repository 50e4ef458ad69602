import type { LibraryHit } from '../../shared/api/contract.js';
import { wordDiff } from '../../shared/compare/index.js';
import type { WordOp } from '../../shared/compare/index.js';
import { t } from '../i18n/index.js';

/**
 * How the Library panel speaks of a hit: its short source ("78/201 OP 5"), the footnote
 * that cites it ("Resolution 78/201, OP 5.") and how the current wording differs from it,
 * word by word ("agreed language from 78/201 OP 5, except shall → should").
 */

/** One change between the agreed text and the current one: `from` the agreed words ('' for an addition), `to` the current ones ('' for a removal). */
export type WordChange = { from: string; to: string };

/** A hit set against the current wording: the word diff (agreed → current), its changes, and the sentence that sums it up. */
export type AgreedComparison = { ops: WordOp[]; changes: WordChange[]; verbatim: boolean; sentence: string };

// More changes than this are counted rather than listed: a list of seven swaps reads as noise.
const listedChanges = 3;

/** The resolution or decision number of a General Assembly symbol ("A/RES/78/201" → "78/201"), else the symbol itself. */
export function shortSymbol(symbol: string): string {
  const match = /^A\/(?:RES|DEC)\/(.+)$/i.exec(symbol.trim());
  return match?.[1] ?? symbol.trim();
}

/** Where a hit comes from, as a delegate says it: "78/201 OP 5" (the symbol alone when it has no label). */
export function hitSource(hit: Pick<LibraryHit, 'symbol' | 'label'>): string {
  const symbol = shortSymbol(hit.symbol) || t('library:agreedLanguage.untitledText');
  return hit.label ? `${symbol} ${hit.label}` : symbol;
}

/**
 * The text of a footnote citing a hit: "Resolution 74/129, OP 5." for a General Assembly
 * resolution, "Decision 74/501, (a)." for a decision, "E/RES/2019/1, OP 2." (the symbol as
 * written) for anything else, drafts included.
 */
export function citationText(hit: Pick<LibraryHit, 'symbol' | 'label'>): string {
  const symbol = hit.symbol.trim();
  const resolution = /^A\/RES\/(.+)$/i.exec(symbol);
  const decision = /^A\/DEC\/(.+)$/i.exec(symbol);
  const name = resolution ? t('library:agreedLanguage.resolution', { value: resolution[1] }) : decision ? t('library:agreedLanguage.decision', { value: decision[1] }) : symbol || t('library:agreedLanguage.untitledText');
  return hit.label ? `${name}, ${hit.label}.` : `${name}.`;
}

// Quotes a run of words for a sentence, white space folded.
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The changes of a word diff (agreed → current): each run of deleted and inserted words as one change. */
export function changesOf(ops: readonly WordOp[]): WordChange[] {
  const out: WordChange[] = [];
  let pending: WordChange | null = null;
  for (const op of ops) {
    if (op.op === 'equal') {
      if (pending) out.push(pending);
      pending = null;
      continue;
    }
    pending ??= { from: '', to: '' };
    if (op.op === 'delete') pending.from += op.text;
    else pending.to += op.text;
  }
  if (pending) out.push(pending);
  return out.map((c) => ({ from: words(c.from), to: words(c.to) })).filter((c) => c.from !== '' || c.to !== '');
}

/** One change as read in a sentence: "shall → should", "+ also", "− also". */
export function changeText(change: WordChange): string {
  if (change.from === '') return `+ ${change.to}`;
  if (change.to === '') return `− ${change.from}`;
  return `${change.from} → ${change.to}`;
}

/**
 * The current paragraph's text `current` set against the hit: the word diff from the hit's
 * text to it and a sentence: "Agreed language from 78/201 OP 5, word for word", "…, except
 * shall → should", "Close to 78/201 OP 5: 6 changes", or "Draft language from …" for a
 * draft. White space alone is no change.
 */
export function compareWithHit(hit: LibraryHit, current: string): AgreedComparison {
  const ops = wordDiff(hit.text, current);
  const changes = changesOf(ops);
  const source = hitSource(hit);
  const kind = hit.adopted ? t('library:agreedLanguage.agreedLanguage') : t('library:agreedLanguage.draftLanguage');
  const verbatim = changes.length === 0;
  let sentence: string;
  if (verbatim) sentence = t('library:agreedLanguage.fromWordForWord', { kind, source });
  else if (changes.length <= listedChanges && ops.some((op) => op.op === 'equal' && /\w/.test(op.text))) sentence = t('library:agreedLanguage.fromExcept', { kind, source, changes: changes.map(changeText).join('; ') });
  else sentence = t('library:agreedLanguage.closeTo', { source, count: changes.length });
  return { ops, changes, verbatim, sentence };
}

/** How many different texts (symbols) the hits come from: "agreed language in N resolutions". */
export function distinctSources(hits: readonly LibraryHit[]): number {
  return new Set(hits.map((h) => h.symbol.trim().toLowerCase())).size;
}
