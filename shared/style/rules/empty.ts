/**
 * Empty content: a paragraph with no text, and a footnote marker whose footnote has no
 * text. Neither has a certain fix (what is missing is for the author to write).
 */
import { atomChar, type ParagraphText } from '../text.js';
import { hint } from '../hint-text.js';
import type { LocalProblem } from '../types.js';

/** True when a paragraph text holds nothing but spaces and inline atoms. */
export function isEmptyText(paragraph: ParagraphText): boolean {
  return paragraph.text.split(atomChar).join('').trim() === '';
}

/** The empty-paragraph problem of a paragraph, or null when it has text. */
export function emptyParagraphProblem(id: string, paragraph: ParagraphText): LocalProblem | null {
  if (!isEmptyText(paragraph)) return null;
  return {
    rule: 'empty-paragraph', paragraphId: id, from: 0, to: paragraph.text.length, severity: 'warning',
    hint: hint('emptyParagraph'),
  };
}

/**
 * One problem per footnote marker in the paragraph whose footnote has no text; the range is
 * the marker's character, the message names the footnote ("OP 3: footnote 2 has no text").
 */
export function emptyFootnoteProblems(id: string, paragraph: ParagraphText): LocalProblem[] {
  return paragraph.atoms
    .filter((atom) => atom.kind === 'footnote' && atom.text.trim() === '')
    .map((atom) => ({
      rule: 'empty-footnote' as const, paragraphId: id, from: atom.offset, to: atom.offset + 1, severity: 'warning' as const,
      hint: (pathOf: (id: string) => string) => hint('emptyFootnote', { footnote: pathOf(atom.id).toLowerCase() || hint('terms.aFootnote') }),
    }));
}
