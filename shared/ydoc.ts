import * as Y from 'yjs';
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { Node } from 'prosemirror-model';
import { resolutionSchema } from '../schemas/resolution-schema.js';

/**
 * The layout of a document's Y.Doc. One Y.Doc per resolution or decision; its ProseMirror
 * content lives in the XmlFragment named {@link PROSEMIRROR_FRAGMENT}, which the renderer
 * binds with y-prosemirror's `ySyncPlugin` and the backend reads to validate and summarize.
 * Header metadata (symbol, sponsors, ...) lives in the `header` node's attributes, so it
 * travels with the text and needs no second shared type.
 */

/** The name of the Y.XmlFragment holding the ProseMirror document. */
export const PROSEMIRROR_FRAGMENT = 'prosemirror';

/**
 * A new, empty document Y.Doc. Garbage collection is off so that every past state stays
 * reconstructible from the update log (revisions and restore build on this).
 */
export function createYDoc(): Y.Doc {
  return new Y.Doc({ gc: false });
}

/** The XmlFragment of a Y.Doc that holds its ProseMirror content. */
export function prosemirrorFragment(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT);
}

/**
 * A new Y.Doc (gc off) whose ProseMirror fragment holds `node`. Throws if `node` does not
 * satisfy the resolution schema, so an invalid document never enters the store.
 */
export function docToYDoc(node: Node): Y.Doc {
  node.check();
  const ydoc = createYDoc();
  prosemirrorToYXmlFragment(node, prosemirrorFragment(ydoc));
  return ydoc;
}

/**
 * The ProseMirror document a Y.Doc holds, checked against the resolution schema.
 * Read-only: unlike y-prosemirror's node builders, which delete elements they cannot
 * build, this never mutates the Y.Doc, so it is safe for validating untrusted updates.
 * Throws (RangeError or Error from prosemirror-model) when the content is not a valid document.
 */
export function yDocToDoc(ydoc: Y.Doc): Node {
  const json = yXmlFragmentToProsemirrorJSON(prosemirrorFragment(ydoc));
  const node = Node.fromJSON(resolutionSchema, json);
  node.check();
  return node;
}

/** The whole state of a Y.Doc as one update, as `documents.open` returns it. */
export function encodeYDoc(ydoc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(ydoc);
}

/**
 * A new Y.Doc (gc off) built by applying `updates` in order; the inverse of storing a
 * document as its update log. Throws if an update cannot be decoded.
 */
export function yDocFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const ydoc = createYDoc();
  if (updates.length > 0) Y.applyUpdate(ydoc, updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates]));
  return ydoc;
}

/**
 * True when the Y.Doc holds changes it could not integrate because an update they depend
 * on is missing (Yjs keeps them pending instead of failing).
 */
export function hasPendingChanges(ydoc: Y.Doc): boolean {
  return ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null;
}
