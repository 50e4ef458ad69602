import { useEffect, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { topParagraphs } from '../../shared/negotiation/model.js';
import { subscribeView } from '../editor/view-listeners.js';
import { NegotiationPage } from './negotiation-page.js';
import '../styles/projector.css';
import { t } from '../i18n/index.js';

/**
 * The id of the top-level paragraph (preambular, operative or decision) holding `state`'s
 * cursor, or null when the cursor is outside every paragraph (header, title).
 */
export function currentParagraphId(state: EditorState): string | null {
  const $head = state.selection.$head;
  for (let depth = 1; depth <= $head.depth; depth++) {
    const node = $head.node(depth);
    if (topParagraphs.has(node.type.name)) return String(node.attrs.id ?? '') || null;
  }
  return null;
}

/** Props of the projector view: the facilitator's editor it follows, and how to leave it. */
export type ProjectorViewProps = { view: EditorView | null; onLeave: () => void };

// Redraws while the document changes at most this often: the room reads, it does not race.
const redrawMs = 300;

/**
 * The facilitator's projector: the compilation text with each paragraph's status in words,
 * in large type over the whole window and no chrome, the paragraph holding the editor's cursor
 * highlighted and kept in the middle. The editor keeps the keyboard focus underneath, so the
 * facilitator moves through the text with the keys while projecting; Esc leaves (the
 * document view's key handler). The highlight is a style rule on the paragraph's data-id, so
 * it survives the page's redraws.
 */
export function ProjectorView({ view, onLeave }: ProjectorViewProps) {
  const [doc, setDoc] = useState<Node | null>(view?.state.doc ?? null);
  const [current, setCurrent] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!view) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen: Node | null = null;
    const unsubscribe = subscribeView(view, (state) => {
      setCurrent(currentParagraphId(state));
      if (state.doc === seen) return;
      if (seen === null) setDoc(state.doc);
      else
        timer ??= setTimeout(() => {
          timer = undefined;
          setDoc(view.state.doc);
        }, redrawMs);
      seen = state.doc;
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [view]);

  // Chosen from the View menu, the keyboard is the editor's again at once.
  useEffect(() => {
    view?.focus();
  }, [view]);

  useEffect(() => {
    if (!current || !box.current) return;
    const paragraph = box.current.querySelector(`.ph-document [data-id="${CSS.escape(current)}"]`);
    paragraph?.scrollIntoView({ block: 'center' });
  }, [current, doc]);

  const rule = current ? `.projector-view .ph-document [data-id="${CSS.escape(current)}"] { background: #fff4c2; box-shadow: 0 0 0 0.3em #fff4c2, -0.5em 0 0 0.3em #e0a800; }` : '';
  return (
    <div ref={box} className="projector-view" role="region" aria-label={t('app:projectorView.projector')} data-current={current ?? ''}>
      <style>{rule}</style>
      <button type="button" className="projector-leave" aria-label={t('app:projectorView.leaveProjectorModeEsc')} onClick={onLeave}>
        ×
      </button>
      {doc ? <NegotiationPage doc={doc} mode="compilation" tags zoom={100} label={t('app:projectorView.compilationTextProjected')} /> : null}
    </div>
  );
}
