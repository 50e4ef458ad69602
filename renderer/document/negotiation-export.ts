import type { Node } from 'prosemirror-model';
import { exportText } from '../../shared/document/export-text.js';
import { childText, readHeader } from '../../shared/document/header.js';
import { collectBrackets } from '../../shared/negotiation/model.js';
import { delegationProposalsText } from '../../shared/negotiation/views.js';

/**
 * The texts behind the negotiation views of the document view: which view is shown, the
 * plain text "Export text…" writes for it, the file name, and the delegations one can
 * list proposals of.
 */

/** The views of an open document: the editor, or one of the read-only negotiation views. */
export type NegotiationViewMode = 'editing' | 'compilation' | 'clean' | 'proposals';

/** What a view's text depends on besides the document: tags (compilation) and the delegation (proposals). */
export type ViewTextOptions = { tags: boolean; delegation: string };

/**
 * The plain text of a view as `exportText` and `delegationProposalsText` write it: the
 * compilation text (with attribution tags unless `tags` is false), the clean text, or the
 * proposals of `delegation`. The editing view exports the compilation text with tags.
 */
export function viewExportText(doc: Node, mode: NegotiationViewMode, options: ViewTextOptions): string {
  switch (mode) {
    case 'clean':
      return exportText(doc, { view: 'clean' });
    case 'proposals':
      return delegationProposalsText(doc, options.delegation);
    case 'compilation':
      return exportText(doc, { view: 'compilation', tags: options.tags });
    case 'editing':
      return exportText(doc);
  }
}

const suffixes: Record<NegotiationViewMode, (options: ViewTextOptions) => string> = {
  editing: () => 'compilation text',
  compilation: (o) => (o.tags ? 'compilation text' : 'compilation text without tags'),
  clean: () => 'text without brackets',
  // i18n-ignore: a file name's words, as the exports name their files (not shown in the interface)
  proposals: (o) => `proposals of ${o.delegation.trim().toUpperCase() || 'no delegation'}`,
};

/**
 * The file name for a view's text: the document symbol (else its title, else "Document")
 * made safe for file systems ("A/C.3/81/L.12" -> "A_C.3_81_L.12"), " - ", the view
 * ("compilation text", "text without brackets", "proposals of EU"), ".txt".
 */
export function viewFileName(doc: Node, mode: NegotiationViewMode, options: ViewTextOptions): string {
  // i18n-ignore: a file name's fallback, as the exports name their files
  const name = readHeader(doc).symbol.trim() || childText(doc, 'title').trim() || 'Document';
  const safe = name
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .slice(0, 120)
    .trim();
  return `${safe} - ${suffixes[mode](options)}.txt`;
}

/**
 * The delegations that proposed at least one bracket of `doc`, plus `also` (the user's own,
 * when set), upper-cased, without duplicates, in alphabetical order.
 */
export function proposingDelegations(doc: Node, also = ''): string[] {
  const codes = new Set<string>();
  for (const bracket of collectBrackets(doc)) for (const code of bracket.proposedBy) codes.add(code.trim().toUpperCase());
  if (also.trim() !== '') codes.add(also.trim().toUpperCase());
  codes.delete('');
  return [...codes].sort((a, b) => a.localeCompare(b));
}
