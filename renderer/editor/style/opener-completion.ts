/**
 * Opener completion, the pure part: at the start of a PP, OP or decision paragraph, while
 * the cursor is in the first words being typed, the phrases of the lists for that part that
 * start with the typed prefix. When a phrase already opened an earlier paragraph of the same
 * part, its Also/Further form (by the cycle the checker expects: plain, also, further) is
 * offered first: "Also requests" in an OP, "Recalling also" in a PP.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { phraseLists, phrasesFor } from '../../../seeds/index.js';
import type { PhraseLanguage } from '../../../seeds/types.js';
import { readHeader } from '../../../shared/document/header.js';
import { hasPhraseList, matchOpener } from '../../../shared/style/openers.js';
import { paragraphText, type OpenerPart } from '../../../shared/style/index.js';
import { openerParts } from './auto-opener.js';

/** A completion on offer: replace `from`..`to` (the typed prefix) by one of `items`. */
export type OpenerCompletion = { from: number; to: number; prefix: string; part: OpenerPart; items: string[] };

/** At most this many suggestions are shown. */
export const maxSuggestions = 8;

const fold = (s: string): string => s.toLowerCase().replace(/'/g, '’');

/**
 * The phrase written with its repeat adverb: English OPs put it first ("Also requests"),
 * Chinese prefixes it ("又回顾"), Arabic and Russian put it after the phrase ("إذ تشير أيضا",
 * "ссылаясь также"), everywhere else it follows the first word ("Recalling also", "Prie
 * également"). Null where usage varies (Spanish multi-word phrases), as the checker has it.
 */
export function withAdverb(language: PhraseLanguage, part: OpenerPart, phrase: string, degree: 'also' | 'further'): string | null {
  const adverb = phraseLists[language].adverbs[degree];
  const [head = '', ...rest] = phrase.split(' ');
  if (language === 'en' && part === 'op') return `${adverb.charAt(0).toUpperCase()}${adverb.slice(1)} ${head.charAt(0).toLowerCase()}${head.slice(1)}${rest.map((w) => ` ${w}`).join('')}`;
  if (language === 'es' && rest.length > 0) return null;
  // Chinese prefixes it (又回顾); Arabic and Russian write it after the whole phrase.
  if (language === 'zh') return `${adverb}${phrase}`;
  if (language === 'ar' || language === 'ru') return `${phrase} ${adverb}`;
  return [head, adverb, ...rest].join(' ');
}

/**
 * Which adverb each opener (by its lower-case phrase) takes next, from the paragraphs of
 * the same section before `index`: after a plain use "also", after "also" "further", after
 * "further" plain again (the checker's cycle of three).
 */
export function nextDegrees(section: Node, index: number, part: OpenerPart, language: PhraseLanguage): Map<string, 'also' | 'further'> {
  const last = new Map<string, number>();
  for (let i = 0; i < index && i < section.childCount; i++) {
    const text = section.child(i).firstChild;
    if (text?.type.name !== 'paragraph_text') continue;
    const match = matchOpener(paragraphText(text).text, part, language);
    if (match?.known) last.set(match.key, match.adverb ? (match.adverb.degree === 'also' ? 2 : 3) : 1);
  }
  const out = new Map<string, 'also' | 'further'>();
  for (const [key, position] of last) {
    if (position === 1) out.set(key, 'also');
    else if (position === 2) out.set(key, 'further');
  }
  return out;
}

/**
 * The suggestions for `prefix` among `phrases`: phrases starting with it (case-folded), each
 * repeated one preceded by its adverb form, repeated ones first, at most `maxSuggestions`.
 * A prefix that already starts with the English OP adverb ("Also re") offers only that form.
 */
export function suggestOpeners(prefix: string, phrases: readonly string[], degrees: ReadonlyMap<string, 'also' | 'further'>, language: PhraseLanguage, part: OpenerPart): string[] {
  const typed = fold(prefix);
  const repeated: string[] = [];
  const plain: string[] = [];
  for (const phrase of phrases) {
    const key = fold(phrase);
    const degree = degrees.get(key);
    const variant = degree ? withAdverb(language, part, phrase, degree) : null;
    if (variant && fold(variant).startsWith(typed) && typed.length > 0 && !key.startsWith(typed)) {
      repeated.push(variant);
      continue;
    }
    if (!key.startsWith(typed)) continue;
    if (variant) repeated.push(variant, phrase);
    else plain.push(phrase);
  }
  return [...repeated, ...plain].filter((item) => fold(item) !== typed).slice(0, maxSuggestions);
}

/**
 * The completion on offer in `state`, or null: the selection is a cursor in the text of a
 * PP, OP or decision paragraph of a document whose language has phrase lists, everything
 * before it is letters and spaces (at most four words, at least one letter) and no letter
 * follows it.
 */
export function openerCompletion(state: EditorState): OpenerCompletion | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $head = selection.$head;
  if ($head.parent.type.name !== 'paragraph_text' || $head.depth < 3) return null;
  const paragraph = $head.node($head.depth - 1);
  const part = openerParts[paragraph.type.name];
  const language = readHeader(state.doc).language;
  if (!part || !hasPhraseList(language)) return null;
  const prefix = $head.parent.textBetween(0, $head.parentOffset, '\n', '\uFFFC');
  if (!/^\p{L}[\p{L}’' -]*$/u.test(prefix) || prefix.split(' ').length > 4) return null;
  const after = $head.parent.textBetween($head.parentOffset, Math.min($head.parent.content.size, $head.parentOffset + 1), '\n', '\uFFFC');
  if (/^\p{L}/u.test(after)) return null;
  const section = $head.node($head.depth - 2);
  const degrees = nextDegrees(section, $head.index($head.depth - 2), part, language);
  if (language === 'ar') for (const [key, degree] of [...degrees]) degrees.set(`و${key}`, degree);
  const index = $head.index($head.depth - 2);
  const listed = phrasesFor(language, part === 'pp' ? 'preambular' : 'operative');
  // Arabic PPs after the first join "and" to their particle (وإذ تشير), as the texts do.
  const phrases = language === 'ar' && part === 'pp' && index > 0 ? listed.map((p) => `و${p}`) : listed;
  const items = suggestOpeners(prefix, phrases, degrees, language, part);
  if (items.length === 0) return null;
  return { from: $head.start(), to: $head.pos, prefix, part, items };
}

/**
 * The transaction accepting `phrase` for `completion`: the typed prefix is replaced by the
 * phrase with the `opener` mark, followed by a space (unless one follows already), and the
 * cursor goes after it. One transaction, one undo step.
 */
export function acceptOpener(state: EditorState, completion: OpenerCompletion, phrase: string): Transaction {
  const tr = state.tr.insertText(phrase, completion.from, completion.to);
  const end = completion.from + phrase.length;
  const opener = state.schema.marks.opener;
  if (opener) tr.addMark(completion.from, end, opener.create());
  const next = tr.doc.textBetween(end, Math.min(tr.doc.content.size, end + 1), '\n', '\uFFFC');
  if (next !== ' ') tr.insertText(' ', end, end);
  return tr.setSelection(TextSelection.create(tr.doc, end + 1)).scrollIntoView();
}
