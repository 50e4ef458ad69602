import { catalogues } from '../../shared/i18n/catalogues.js';
import { i18n } from './index.js';

/**
 * The notices shared/negotiation writes (why a proposal or a merge was not made) in the
 * interface language. Those modules are pure and answer in English; a fixed sentence is found
 * by its English text among the 'editor:notices' entries and read in the interface language.
 * A sentence that quotes the text concerned (a merge of alternatives) has no entry and stays
 * English. test/renderer/i18n/notices.test.ts keeps the entries equal to the shared sentences.
 */

// English sentence -> key, from the English catalogue (the shared modules' own words).
const keyOf = new Map(Object.entries(catalogues.en.editor.notices).map(([key, english]) => [english, `editor:notices.${key}`]));

/** `notice` (an English sentence of shared/negotiation) in the interface language, or as given when the catalogue has no entry for it. */
export function shownNotice(notice: string): string {
  const key = keyOf.get(notice);
  return key ? i18n.t(key) : notice;
}
