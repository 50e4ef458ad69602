/**
 * Import notes: what the importer did to a document that its reader must check, kept in
 * the document itself (the header's `importNotes`, see schemas/resolution-nodes.ts) so that
 * the style checker lists each one in the Problems panel, tied to its node, for as long as
 * that node exists. Today one kind: a footnote kept at its marker whose text the page
 * printed in another document.
 */
import type { Node } from 'prosemirror-model';
import { messageText, msg, type Message } from '../i18n/message.js';
import type { ImportNote } from '../style/rules/import-note.js';

/**
 * How a document is named in a note: its report heading with a lower-case first letter
 * ("draft resolution II"), or "document N" (`index` 0-based) when it has none.
 */
export function documentName(heading: string, index: number): string {
  const trimmed = heading.trim();
  if (trimmed === '') return `document ${index + 1}`;
  return /^\p{Lu}\p{Ll}/u.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/**
 * `doc` with one import note per footnote of `moved` (kept at its marker, its text printed
 * in document `textIn`): "Footnote 9 of draft resolution II" + "its text was printed after
 * draft resolution III began", tied to the footnote's id. `order` lists the footnote
 * numbers in the order their footnote nodes were made, which is document order; when the
 * document's footnotes do not match it (an internal bug), the note is tied to nothing and
 * `warnings` says so instead.
 */
export function noteMovedFootnotes(
  doc: Node,
  order: readonly number[],
  moved: readonly { note: number; textIn: number }[],
  names: { own: string; of: (index: number) => string },
  warnings: Message[],
): Node {
  if (moved.length === 0) return doc;
  const ids: string[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'footnote') return true;
    ids.push(String(node.attrs.id ?? ''));
    return false;
  });
  const notes: ImportNote[] = [];
  for (const { note, textIn } of moved) {
    const at = order.indexOf(note);
    const id = ids.length === order.length && at >= 0 ? ids[at] : undefined;
    const place = `Footnote ${note} of ${names.own}`;
    const message = msg('formats:notes.movedText', { document: names.of(textIn) });
    const text = messageText(message);
    if (id) notes.push({ id, place, text, message });
    else warnings.push(msg('formats:notes.untied', { place, text }));
  }
  const header = doc.firstChild;
  if (!header || header.type.name !== 'header' || notes.length === 0) return doc;
  const previous: unknown = header.attrs.importNotes;
  const importNotes = [...(Array.isArray(previous) ? (previous as ImportNote[]) : []), ...notes];
  return doc.copy(doc.content.replaceChild(0, header.type.create({ ...header.attrs, importNotes })));
}
