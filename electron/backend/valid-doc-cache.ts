import * as Y from 'yjs';
import { Node } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { prosemirrorFragment, yDocToDoc } from '../../shared/ydoc.js';
import type { DocumentMeta } from '../store/store.js';

/** A validated ProseMirror copy of a Y.Doc and the meta derived from it. */
export type ValidDoc = { node: Node; meta: DocumentMeta };

/** The last validated copy of one Y.Doc, patched instead of rebuilt (see `trackValidDoc`). */
export type ValidDocCache = {
  /** The copy as last validated, or undefined before the first `refresh`. */
  current(): ValidDoc | undefined;
  /**
   * Brings the copy up to the Y.Doc's present state and returns it: only the top-level
   * nodes whose Yjs types changed since the last refresh are converted and checked against
   * the schema; a change to the top-level sequence itself (a node inserted, deleted or
   * moved) converts the whole document. Throws the schema's error when the Y.Doc is not a
   * valid document; the copy then stays as it was.
   */
  refresh(): ValidDoc;
};

type YType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never;

// The top-level nodes whose change can alter the meta (kind depends only on which
// top-level nodes exist, a structural change).
const META_NODES = new Set(['header', 'title', 'body_line']);

/**
 * Watches `ydoc`'s transactions and keeps a validated ProseMirror copy of it. A top-level
 * node's type in Yjs (its nodeName) never changes, so when only the insides of some
 * top-level nodes changed, the document's own content expression still holds and checking
 * those nodes (`Node.check`, the whole subtree) checks everything that changed. The cost
 * of an update is then that of the paragraphs it touched, not of the document.
 */
export function trackValidDoc(ydoc: Y.Doc, metaOf: (doc: Node) => DocumentMeta): ValidDocCache {
  const fragment = prosemirrorFragment(ydoc);
  let valid: ValidDoc | undefined;
  let structural = false;
  const dirty = new Set<YType>();

  ydoc.on('afterTransaction', (tr: Y.Transaction) => {
    if (structural) return;
    for (const type of tr.changed.keys()) {
      const top = topLevelOf(type, fragment);
      if (top === 'outside') continue;
      if (top === 'fragment') {
        structural = true;
        dirty.clear();
        return;
      }
      dirty.add(top);
    }
  });

  const full = (): ValidDoc => {
    const node = yDocToDoc(ydoc);
    return { node, meta: metaOf(node) };
  };

  const patched = (from: ValidDoc): ValidDoc | null => {
    const children = fragment.toArray();
    if (children.length !== from.node.childCount) return null;
    let content = from.node.content;
    let metaTouched = false;
    for (const type of dirty) {
      if (!(type instanceof Y.XmlElement)) return null;
      const index = children.indexOf(type);
      if (index < 0) return null;
      const child = Node.fromJSON(resolutionSchema, elementJSON(type));
      if (child.type !== content.child(index).type) return null;
      child.check();
      content = content.replaceChild(index, child);
      if (META_NODES.has(child.type.name)) metaTouched = true;
    }
    const node = from.node.copy(content);
    return { node, meta: metaTouched ? metaOf(node) : from.meta };
  };

  return {
    current: () => valid,
    refresh() {
      if (valid && !structural && dirty.size === 0) return valid;
      const next = (valid && !structural && patched(valid)) || full();
      valid = next;
      structural = false;
      dirty.clear();
      return next;
    },
  };
}

// The top-level node of the fragment that `type` lies in, 'fragment' for the fragment
// itself (its sequence of nodes changed), 'outside' for types of other roots.
function topLevelOf(type: YType, fragment: Y.XmlFragment): YType | 'fragment' | 'outside' {
  if (type === (fragment as unknown as YType)) return 'fragment';
  let current = type;
  for (;;) {
    const parent = current._item?.parent;
    if (!(parent instanceof Y.AbstractType)) return 'outside';
    if (parent === (fragment as unknown as YType)) return current;
    current = parent;
  }
}

// The same JSON y-prosemirror's yXmlFragmentToProsemirrorJSON gives for a node inside the
// fragment (an element's children are flattened: a text type becomes several text nodes).
function elementJSON(element: Y.XmlElement): Record<string, unknown> {
  const json: Record<string, unknown> = { type: element.nodeName };
  const attrs = element.getAttributes();
  if (Object.keys(attrs).length) json.attrs = attrs;
  const content = (yXmlFragmentToProsemirrorJSON(element).content as unknown[]).flat();
  if (content.length) json.content = content;
  return json;
}
