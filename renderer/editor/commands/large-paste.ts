import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { newId } from '../../../shared/ids.js';
import { findNodeById } from '../outline.js';
import { cursorInParagraph, replaceNodes } from './structure.js';

/**
 * A large paste (a whole report, megabytes of text) is imported in steps instead of one
 * transaction that would freeze the page with no sign of life: a notice ("Importing pasted
 * text…") shows first, then the paragraphs are inserted a batch at a time, each batch its
 * own transaction after the page has painted, with the count in the notice. Every batch
 * goes after the paragraph the previous one ended with (found by id), so typing elsewhere
 * meanwhile cannot scatter the pasted text.
 */

/** Pasted text longer than this (characters) is imported in steps. */
export const largePasteChars = 150_000;

/** Paragraphs per batch: small enough that one batch renders within a few frames. */
export const pasteBatchSize = 150;

/** The notice of a running large paste, shown above the page text (role=status). */
export type PasteNotice = { update(text: string): void; remove(): void };

/** Shows the progress notice of a large paste at the top of `view`'s page. */
export function showPasteNotice(view: EditorView): PasteNotice {
  const notice = document.createElement('div');
  notice.className = 'paste-progress';
  notice.setAttribute('role', 'status');
  notice.setAttribute('aria-live', 'polite');
  const host = view.dom.parentElement ?? view.dom;
  host.insertBefore(notice, host.firstChild);
  return {
    update: (text) => {
      notice.textContent = text;
    },
    remove: () => notice.remove(),
  };
}

/** Resolves after the next frame has been painted (so a notice or a batch is seen before more work). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** `node`, with a fresh id if it has none: batches are anchored on their last paragraph's id. */
export function withId(node: Node): Node {
  return node.attrs.id ? node : node.type.create({ ...node.attrs, id: newId() }, node.content, node.marks);
}

// After the paragraph `anchorId`; if someone deleted it meanwhile, at the end of the part
// that holds paragraphs like `first`, so the pasted text is never dropped. -1 when neither exists.
function insertionPoint(doc: Node, anchorId: string, first: Node | undefined): number {
  const pos = findNodeById(doc, anchorId);
  const anchor = pos < 0 ? null : doc.nodeAt(pos);
  if (anchor) return pos + anchor.nodeSize;
  let end = -1;
  doc.forEach((part, offset) => {
    if (end < 0 && first && part.type.contentMatch.matchType(first.type)) end = offset + part.nodeSize - 1;
  });
  return end;
}

/**
 * Inserts `rest` (top-level paragraphs of one kind, already converted) after the paragraph
 * with id `afterId`, `pasteBatchSize` at a time, one transaction per batch with a paint in
 * between, reporting `done` counts to `progress`. Stops quietly if the view is destroyed or
 * that paragraph is gone (the paragraphs inserted so far stay). Returns the number inserted.
 */
export async function insertInBatches(view: EditorView, afterId: string, rest: readonly Node[], progress: (done: number) => void): Promise<number> {
  let done = 0;
  let anchorId = afterId;
  while (done < rest.length) {
    await afterPaint();
    if (view.isDestroyed) return done;
    const state = view.state;
    const batch = rest.slice(done, done + pasteBatchSize).map(withId);
    const at = insertionPoint(state.doc, anchorId, batch[0]);
    if (at < 0) return done;
    const tr = state.tr;
    if (!replaceNodes(tr, at, at, batch)) return done;
    const last = batch[batch.length - 1];
    const lastPos = at + batch.reduce((size, n) => size + n.nodeSize, 0) - (last?.nodeSize ?? 0);
    cursorInParagraph(tr, lastPos, last?.firstChild?.content.size ?? 0);
    view.dispatch(tr.setMeta('paste', true).setMeta('uiEvent', 'paste').scrollIntoView());
    done += batch.length;
    anchorId = String(last?.attrs.id ?? '');
    progress(done);
  }
  return done;
}
