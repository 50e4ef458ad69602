import { catalogues } from '../../shared/i18n/catalogues.js';
import type { MergeWords } from '../../shared/negotiation/merge-ops.js';
import { i18n } from './index.js';

/**
 * The notices shared/negotiation writes (why a proposal or a merge was not made) in the
 * interface language. Those modules are pure and answer in English; a fixed sentence is found
 * by its English text among the 'editor:notices' entries and read in the interface language.
 * A sentence that quotes the text concerned (a merge) comes with its catalogue words.
 * test/renderer/i18n/notices.test.ts keeps the entries equal to the shared sentences.
 */

// English sentence -> key, from the English catalogue (the shared modules' own words).
const keyOf = new Map(Object.entries(catalogues.en.editor.notices).map(([key, english]) => [english, `editor:notices.${key}`]));

/** A merge's effect or refusal (shared/negotiation/merge-ops.ts `MergeWords`) in the interface language. */
export function mergeWordsText(words: MergeWords): string {
  const joiners = words.joiners;
  const joining = joiners === undefined ? '' : joiners.length > 0 ? i18n.t('editor:merge.joins', { count: joiners.length, names: joiners.join(', ') }) : i18n.t('editor:merge.nobody');
  return i18n.t(`editor:merge.${words.key}`, { ...words.values, joining });
}

/**
 * `notice` (an English sentence of shared/negotiation) in the interface language: from its
 * `words` when it quotes the text (a merge), else by its English text, else as given when the
 * catalogue has no entry for it.
 */
export function shownNotice(notice: string, words?: MergeWords): string {
  if (words) return mergeWordsText(words);
  const key = keyOf.get(notice);
  return key ? i18n.t(key) : notice;
}
