import type { FootnoteEntry } from '../editor/footnotes.js';

/** Props of the footnote list. */
export type FootnoteListProps = { footnotes: FootnoteEntry[] };

/**
 * The footnotes at the foot of the page, numbered through the document, below a short rule
 * as in UN documents. Renders nothing when the document has none.
 */
export function FootnoteList({ footnotes }: FootnoteListProps) {
  if (footnotes.length === 0) return null;
  return (
    <section className="ph-footnotes" aria-label="Footnotes">
      <ol>
        {footnotes.map((note) => (
          <li key={`${note.number}-${note.id}`} className="ph-footnote-text" data-label={String(note.number)} value={note.number}>
            {note.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
