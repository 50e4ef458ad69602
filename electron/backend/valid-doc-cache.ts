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
   * Brings the copy up to the Y.Doc's present state and returns it: only the nodes whose
   * Yjs types changed since the last refresh are converted and checked against the schema,
   * at the second level (a paragraph of the operative part) where the top-level node's own
   * sequence and attributes stayed, else the whole top-level node; a change to the top-level
   * sequence itself (a node inserted, deleted or moved) converts the whole document. Nodes
   * that did not change are kept as they were (the same objects). Throws the schema's error
   * when the Y.Doc is not a valid document; the copy then stays as it was.
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
  // Top-level types changed in their own attributes or sequence (converted whole), and
  // second-level elements changed inside (converted alone), by their top-level type.
  const dirty = new Set<YType>();
  const dirtyInner = new Map<YType, Set<Y.XmlElement>>();

  ydoc.on('afterTransaction', (tr: Y.Transaction) => {
    if (structural) return;
    for (const type of tr.changed.keys()) {
      const at = placeOf(type, fragment);
      if (at === 'outside') continue;
      if (at === 'fragment') {
        structural = true;
        dirty.clear();
        dirtyInner.clear();
        return;
      }
      const inner = at.inner as unknown;
      if (inner instanceof Y.XmlElement) {
        const set = dirtyInner.get(at.top) ?? new Set<Y.XmlElement>();
        dirtyInner.set(at.top, set.add(inner));
      } else dirty.add(at.top);
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
    const tops = new Set<YType>([...dirty, ...dirtyInner.keys()]);
    for (const top of tops) {
      const type = top as unknown;
      if (!(type instanceof Y.XmlElement)) return null;
      const index = children.indexOf(type);
      if (index < 0) return null;
      const before = content.child(index);
      const whole = dirty.has(top);
      const child = whole ? Node.fromJSON(resolutionSchema, elementJSON(type)) : patchedInner(type, before, dirtyInner.get(top)!);
      if (!child || child.type !== before.type) return null;
      if (whole) child.check();
      content = content.replaceChild(index, child);
      if (META_NODES.has(child.type.name)) metaTouched = true;
    }
    const node = from.node.copy(content);
    return { node, meta: metaTouched ? metaOf(node) : from.meta };
  };

  return {
    current: () => valid,
    refresh() {
      if (valid && !structural && dirty.size === 0 && dirtyInner.size === 0) return valid;
      const next = (valid && !structural && patched(valid)) || full();
      valid = next;
      structural = false;
      dirty.clear();
      dirtyInner.clear();
      return next;
    },
  };
}

// `top` (whose own sequence and attributes did not change) with its changed child elements
// converted and checked alone: its content expression still holds, as each child keeps its
// node type (a Yjs element's nodeName never changes). Null when the shapes disagree.
function patchedInner(top: Y.XmlElement, before: Node, changed: ReadonlySet<Y.XmlElement>): Node | null {
  const children = top.toArray();
  if (children.length !== before.childCount) return null;
  let content = before.content;
  for (const inner of changed) {
    const index = children.indexOf(inner);
    if (index < 0) return null;
    const child = Node.fromJSON(resolutionSchema, elementJSON(inner));
    if (child.type !== content.child(index).type) return null;
    child.check();
    content = content.replaceChild(index, child);
  }
  return before.copy(content);
}

// Where `type` lies in the fragment: 'fragment' for the fragment itself (its sequence of
// nodes changed), 'outside' for types of other roots, else its top-level node and, when
// it lies deeper, the second-level node holding it (absent for the top-level node itself).
function placeOf(type: YType, fragment: Y.XmlFragment): { top: YType; inner?: YType } | 'fragment' | 'outside' {
  if (type === (fragment as unknown as YType)) return 'fragment';
  let inner: YType | undefined;
  let current = type;
  for (;;) {
    const parent = current._item?.parent;
    if (!(parent instanceof Y.AbstractType)) return 'outside';
    if (parent === (fragment as unknown as YType)) return current === type ? { top: current } : { top: current, inner };
    inner = current;
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
