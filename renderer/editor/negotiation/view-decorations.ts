import type { Node } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { NumberEntry } from '../../../shared/document/numbering.js';
import { bracketableParagraphs, paragraphBracket, readAttribution } from '../../../shared/negotiation/model.js';

/**
 * What the read-only compilation page draws besides the document's own nodes (inline
 * brackets draw themselves, see negotiation.css): a whole bracketed paragraph opens with
 * "[" before its text and closes with its tag and "]" after its last line, as the
 * compilation text writes it ("7. [Requests ... (USA)]"), and a preambular alternative,
 * which prints no number on the page, gets its label ("PP3 alt") as the text export
 * writes it; an inline bracket with supporters or opponents gets its whole tag from a widget
 * ("[text (EU; supported by NOR; opposed by RUS)]"). Widgets, never stored; the tags can be
 * hidden by CSS (`.ph-view-tag`).
 */

/** Who supports and opposes a bracket, for its tag. */
export type Stance = { supportedBy: readonly string[]; opposedBy: readonly string[] };

/**
 * The tag text of a bracket: " (EU, CAN)", " (RUS: delete)", " (delete)", or '' without
 * proposers; with `stance`, its supporters and opponents follow: " (EU; supported by NOR;
 * opposed by RUS)".
 */
export function tagText(proposedBy: readonly string[], deletion = false, stance: Stance = { supportedBy: [], opposedBy: [] }): string {
  const parts: string[] = [];
  if (proposedBy.length > 0 || deletion) parts.push(proposedBy.length === 0 ? 'delete' : `${proposedBy.join(', ')}${deletion ? ': delete' : ''}`);
  // i18n-ignore: a bracket's tag is document text, printed as the compilation text export prints it
  if (stance.supportedBy.length > 0) parts.push(`supported by ${stance.supportedBy.join(', ')}`);
  // i18n-ignore: as above
  if (stance.opposedBy.length > 0) parts.push(`opposed by ${stance.opposedBy.join(', ')}`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** The label the compilation text prints for a preambular alternative: "PP 3 alt" -> "PP3 alt". */
export function preambularAlternativeLabel(entry: Pick<NumberEntry, 'kind' | 'path'>): string {
  if (entry.kind !== 'pp' || !/ alt( \d+)?$/.test(entry.path)) return '';
  return entry.path.replace(/^PP (\d+)/, 'PP$1');
}

/**
 * The widgets of the compilation page for `doc`; `entries` are its numbering entries (for
 * the preambular alternatives' labels).
 */
export function compilationDecorations(doc: Node, entries: readonly NumberEntry[]): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'bracket') {
      // Supporters and opponents: the whole tag is drawn by a widget, the bracket's CSS only closes it.
      const who = readAttribution(node.attrs as Record<string, unknown>);
      if (who.supportedBy.length === 0 && who.opposedBy.length === 0) return true;
      const tag = tagText(who.proposedBy, node.attrs.deletion === true, who);
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'ph-view-stanced' }));
      decorations.push(Decoration.widget(pos + node.nodeSize - 1, () => mark('ph-view-tag', tag), { side: 1, key: `stance-${String(node.attrs.id)}${tag}` }));
      return true;
    }
    if (!bracketableParagraphs.has(node.type.name)) return true;
    const bracket = paragraphBracket(node);
    const first = node.firstChild;
    if (bracket && first?.isTextblock) {
      decorations.push(Decoration.widget(pos + 2, () => mark('ph-view-open', '['), { side: -1, key: `open-${bracket.id}` }));
      const end = lastTextEnd(node, pos);
      const tag = tagText(bracket.proposedBy, false, bracket);
      decorations.push(Decoration.widget(end, () => closing(tag), { side: 1, key: `close-${bracket.id}${tag}` }));
    }
    return true;
  });
  for (const entry of entries) {
    const label = preambularAlternativeLabel(entry);
    if (label !== '') decorations.push(Decoration.widget(entry.pos + 2, () => mark('ph-view-label', `${label} `), { side: -2, key: `label-${label}` }));
  }
  return DecorationSet.create(doc, decorations);
}

// The end of the content of the last text block inside the paragraph at `pos`.
function lastTextEnd(paragraph: Node, pos: number): number {
  let end = pos + 2 + (paragraph.firstChild?.content.size ?? 0);
  paragraph.descendants((child, offset) => {
    if (child.isTextblock) end = pos + 1 + offset + 1 + child.content.size;
    return !child.isTextblock;
  });
  return end;
}

function mark(className: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

function closing(tag: string): HTMLElement {
  const span = mark('ph-view-close', '');
  if (tag !== '') span.append(mark('ph-view-tag', tag));
  span.append(']');
  return span;
}
