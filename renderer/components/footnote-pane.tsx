import { memo, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { footnoteEditEvent, footnotePos, setFootnoteText } from '../editor/commands/footnote-commands.js';
import type { FootnoteEntry } from '../editor/footnotes.js';
import { t, useT } from '../i18n/index.js';

/** Props of the footnote pane: the live editor view (null until ready) and the footnotes to list. */
export type FootnotePaneProps = { view: EditorView | null; footnotes: readonly FootnoteEntry[] };

/**
 * The footnotes at the foot of the page, numbered through the document below a short rule
 * as in UN documents, each edited in place: clicking one (or its marker in the text, or
 * inserting a footnote with Mod-Alt-f) turns it into a text field. Every change goes
 * through the editor as a transaction (`setFootnoteText`), so it syncs and undoes like
 * typing. Enter or Escape returns to the text, after the footnote's marker.
 * Renders nothing when the document has no footnotes.
 */
export const FootnotePane = memo(function FootnotePane({ view, footnotes }: FootnotePaneProps) {
  // Memoised: subscribe to the interface language so a switch re-renders the pane.
  useT();
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => {
    if (!view) return;
    const onRequest = (event: Event) => {
      const id = (event as CustomEvent<{ id?: string }>).detail?.id;
      if (id) setEditing(id);
    };
    view.dom.addEventListener(footnoteEditEvent, onRequest);
    return () => view.dom.removeEventListener(footnoteEditEvent, onRequest);
  }, [view]);

  const backToText = (id: string) => {
    setEditing(null);
    if (!view) return;
    const pos = footnotePos(view.state.doc, id);
    if (pos >= 0) {
      const node = view.state.doc.nodeAt(pos);
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos + (node?.nodeSize ?? 1))).scrollIntoView());
    }
    view.focus();
  };

  if (footnotes.length === 0) return null;
  return (
    <section className="ph-footnotes" aria-label={t('documents:footnotePane.footnotes')}>
      <ol>
        {footnotes.map((note) => (
          <li key={note.id || `n${note.number}`} className="ph-footnote-text" data-label={String(note.number)} data-id={note.id} value={note.number}>
            {editing === note.id && view ? (
              <FootnoteField view={view} note={note} onDone={() => backToText(note.id)} onClose={() => setEditing(null)} />
            ) : (
              <button type="button" className="footnote-open" onClick={() => setEditing(note.id)} aria-label={t('documents:footnotePane.editFootnote', { number: note.number, value: note.text || 'empty' })}>
                {note.text || <span className="footnote-empty">{t('documents:footnotePane.writeTheFootnoteS')}</span>}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
});

type FootnoteFieldProps = { view: EditorView; note: FootnoteEntry; onDone: () => void; onClose: () => void };

// The text field of the footnote being edited; focused when it appears.
function FootnoteField({ view, note, onDone, onClose }: FootnoteFieldProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
      event.preventDefault();
      onDone();
    }
  };
  return (
    <textarea
      ref={field}
      className="footnote-field"
      aria-label={t('documents:footnotePane.textOfFootnote', { number: note.number })}
      rows={Math.max(1, Math.ceil(note.text.length / 90))}
      value={note.text}
      onChange={(e) => setFootnoteText(note.id, e.target.value.replace(/\n/g, ' '))(view.state, view.dispatch)}
      onKeyDown={onKeyDown}
      // Leaving the field keeps what was typed (it is already in the document) and closes it.
      onBlur={onClose}
    />
  );
}
