import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/ydoc.js';

/**
 * Test helpers that edit a document the way a renderer does: on its own replica, built
 * from the state `documents.open` returned, sending the update Yjs emits for the change.
 */

/** A renderer-side replica of a document from its encoded state. */
export function replicaOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** A Yjs update typed as the contract wants it (Yjs always allocates a plain ArrayBuffer). */
export type Update = Uint8Array<ArrayBuffer>;

/** The update produced by running `change` on `doc`. */
export function captureUpdate(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Update {
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array) => updates.push(u);
  doc.on('update', listener);
  doc.transact(() => change(doc.getXmlFragment(PROSEMIRROR_FRAGMENT)));
  doc.off('update', listener);
  if (updates.length !== 1) throw new Error(`expected one update, got ${updates.length}`);
  return updates[0] as Update;
}

/** The update that replaces the title's text (the title is the fragment's second element). */
export function retitle(doc: Y.Doc, text: string): Update {
  return captureUpdate(doc, (fragment) => {
    const title = fragment.get(1);
    if (!(title instanceof Y.XmlElement) || title.nodeName !== 'title') throw new Error('no title element');
    title.delete(0, title.length);
    title.insert(0, [new Y.XmlText(text)]);
  });
}

/** The text of the title element of a replica. */
export function titleOf(doc: Y.Doc): string {
  const title = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(1);
  return title instanceof Y.XmlElement ? title.toArray().map((t) => (t instanceof Y.XmlText ? t.toDelta().map((d: { insert: unknown }) => String(d.insert)).join('') : '')).join('') : '';
}

/** An update that is valid Yjs but breaks the schema: an element the schema does not know. */
export function unknownNodeUpdate(doc: Y.Doc): Update {
  return captureUpdate(doc, (fragment) => fragment.insert(2, [new Y.XmlElement('banana')]));
}

/** An update that is valid Yjs but breaks the schema: the title is deleted. */
export function deleteTitleUpdate(doc: Y.Doc): Update {
  return captureUpdate(doc, (fragment) => fragment.delete(1, 1));
}
