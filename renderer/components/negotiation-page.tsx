import { textDirection } from '../../shared/document/labels-direction.js';
import { useEffect, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { DecorationSet, EditorView } from 'prosemirror-view';
import type { NodeView } from 'prosemirror-view';
import { readHeader } from '../../shared/document/header.js';
import { cleanViewDoc } from '../../shared/negotiation/clean-view.js';
import { createHeaderView, headerPlugin } from '../editor/header-view.js';
import { collectFootnotes } from '../editor/footnotes.js';
import type { FootnoteEntry } from '../editor/footnotes.js';
import { compilationDecorations } from '../editor/negotiation/view-decorations.js';
import { compilationStatusDecorations } from '../editor/negotiation/view-status.js';
import { numberingKey, numberingPlugin } from '../editor/numbering-plugin.js';
import { t } from '../i18n/index.js';

/**
 * Props of the read-only negotiation page: the live document, which text, whether tags show,
 * and the page zoom (percent). A document in negotiation carries its base: the compilation
 * shows the editor's stable labels ("5 bis."); the clean text is numbered as it stands, as its export.
 */
export type NegotiationPageProps = { doc: Node; mode: 'compilation' | 'clean'; tags: boolean; zoom: number; label: string };

// A footnote marker without its text in the running text (the text is listed at the foot).
function footnoteMarker(node: Node): NodeView {
  const dom = document.createElement('sup');
  dom.className = 'ph-footnote';
  dom.title = node.textContent;
  return { dom };
}

/**
 * The compilation or clean text drawn like the page (serif, UN layout, computed numbers,
 * header block, footnotes at the foot), read-only, for a facilitator to project: a
 * ProseMirror view of the document (compilation: brackets with their tags, whole bracketed
 * paragraphs and preambular alternatives labelled by widgets, each paragraph's status in the
 * margin's words: "Agreed", "Reservation: USA") or of `cleanViewDoc` (clean).
 * A new `doc` redraws only what changed: unchanged nodes keep their DOM.
 */
export function NegotiationPage({ doc, mode, tags, zoom, label }: NegotiationPageProps) {
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [footnotes, setFootnotes] = useState<FootnoteEntry[]>([]);

  useEffect(() => {
    if (!mount.current) return undefined;
    const view = new EditorView(mount.current, {
      state: EditorState.create({ doc }),
      editable: () => false,
      nodeViews: { header: createHeaderView, footnote: footnoteMarker },
    });
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      view.destroy();
    };
    // Made once: the effect below gives the view each document.
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const shown = mode === 'clean' ? cleanViewDoc(doc) : doc;
    const state = EditorState.create({ doc: shown, plugins: [numberingPlugin(), headerPlugin()] });
    const numbering = numberingKey.getState(state)?.numbering;
    const statuses = mode === 'compilation' && numbering ? compilationStatusDecorations(shown, numbering) : [];
    const extra = mode === 'compilation' && numbering ? compilationDecorations(shown, numbering.entries).add(shown, statuses) : DecorationSet.empty;
    const language = readHeader(shown).language;
    view.setProps({
      state,
      decorations: () => extra,
      attributes: {
        // ph-with-status widens the paragraphs' end margin for the status labels, as in the editor.
        class: `ph-document ph-view-${mode}${statuses.length > 0 ? ' ph-with-status' : ''}`,
        role: 'document',
        'aria-label': label,
        'aria-readonly': 'true',
        lang: language,
        dir: textDirection(language),
      },
    });
    setFootnotes(numbering ? collectFootnotes(shown, numbering) : []);
  }, [doc, mode, label]);

  return (
    <article className={`page negotiation-page${tags ? '' : ' ph-view-no-tags'}`} style={{ zoom: zoom / 100 }} aria-label={label} dir={textDirection(readHeader(doc).language)}>
      <div ref={mount} className="negotiation-page-text" />
      {footnotes.length > 0 ? (
        <section className="ph-footnotes" aria-label={t('negotiation:negotiationPage.footnotes')}>
          <ol>
            {footnotes.map((note) => (
              <li key={note.id || `n${note.number}`} className="ph-footnote-text" data-label={String(note.number)} value={note.number}>
                {note.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
