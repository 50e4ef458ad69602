/**
 * Writes a keystroke to the Y.Doc without comparing the whole document. y-prosemirror's
 * binding syncs an editor change by diffing the document against the Y.Doc from the root
 * (`updateYFragment`); before it descends into the one section that changed it compares
 * that section deeply (`equalYTypePNode`, every paragraph's text read back from Yjs up to
 * the changed one), which made that diff the largest single cost of typing in a long
 * resolution. Here, when the document the Y.Doc was last synced with (the binding's
 * mapping of its root fragment, which y-prosemirror drops whenever the Y.Doc changes from
 * elsewhere) differs from the new one in a single block subtree, found by node identity
 * (ProseMirror shares every unchanged node between versions), that subtree alone goes
 * through the same `updateYFragment`, and its unchanged ancestors are mapped to their new
 * versions as the full diff would map them. Anything else takes the full diff.
 */
import { Node } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { getRelativeSelection, updateYFragment, ySyncPluginKey, type ProsemirrorBinding } from 'y-prosemirror';
import * as Y from 'yjs';

// Same attributes (null values count as absent, as y-prosemirror stores them).
function sameAttrs(a: Node['attrs'], b: Node['attrs']): boolean {
  if (a === b) return true;
  const keys = (o: Node['attrs']) => Object.keys(o).filter((k) => o[k] !== null);
  const ka = keys(a);
  return ka.length === keys(b).length && ka.every((k) => a[k] === b[k] || JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * The path from `before` to the smallest block node of `after` that holds every difference
 * between them: the child index taken at each level (each level's other children are the
 * same node objects, its type and attributes unchanged) and the nodes of `after` along it,
 * root first, the differing node last. Descends through nodes with block content only, so a
 * child index is also the index of the Y.Doc's matching child. Null when nothing differs.
 */
export function changedSubtree(before: Node, after: Node): { indices: number[]; nodes: Node[] } | null {
  if (before === after) return null;
  const indices: number[] = [];
  const nodes: Node[] = [after];
  let a = before;
  let b = after;
  while (!b.inlineContent && a.childCount === b.childCount) {
    let changed = -1;
    for (let i = 0; i < b.childCount; i++) {
      if (a.child(i) === b.child(i)) continue;
      if (changed >= 0) return { indices, nodes };
      changed = i;
    }
    const nextA = changed < 0 ? null : a.child(changed);
    const nextB = changed < 0 ? null : b.child(changed);
    if (!nextA || !nextB || nextA.type !== nextB.type || nextB.isLeaf || !sameAttrs(nextA.attrs, nextB.attrs)) return { indices, nodes };
    indices.push(changed);
    nodes.push(nextB);
    a = nextA;
    b = nextB;
  }
  return { indices, nodes };
}

/**
 * Syncs `doc` into `binding`'s Y.Doc through its smallest changed subtree, as
 * `binding._prosemirrorChanged(doc)` does for the whole document. Returns false, having
 * done nothing, when the binding's last synced document is unknown or the Y.Doc's shape
 * does not match it along the path (the caller then runs the full diff).
 */
export function syncChangedSubtree(binding: ProsemirrorBinding, doc: Node): boolean {
  const synced = binding.mapping.get(binding.type);
  if (!(synced instanceof Node)) return false;
  const path = changedSubtree(synced, doc);
  if (!path || path.indices.length === 0) return false;
  const types: Y.XmlFragment[] = [binding.type];
  for (let depth = 0; depth < path.indices.length; depth++) {
    const parent = types[depth];
    const node = path.nodes[depth + 1];
    const child: unknown = parent?.length === path.nodes[depth]?.childCount ? parent?.get(path.indices[depth] ?? 0) : null;
    if (!(child instanceof Y.XmlElement) || child.nodeName !== node?.type.name) return false;
    types.push(child);
  }
  binding.doc.transact(() => {
    // The ancestors are unchanged but for the one child: they now stand for the new nodes.
    for (let depth = 0; depth < types.length - 1; depth++) binding.mapping.set(types[depth]!, path.nodes[depth]!);
    updateYFragment(binding.doc, types[types.length - 1]!, path.nodes[path.nodes.length - 1], binding);
    binding.beforeTransactionSelection = getRelativeSelection(binding, binding.prosemirrorView.state);
  }, ySyncPluginKey);
  return true;
}

/**
 * The plugin that makes the editor's y-prosemirror binding sync through
 * `syncChangedSubtree` when it can (place it after `ySyncPlugin`).
 */
export function ySyncSubtreePlugin(): Plugin {
  return new Plugin({
    view: (view) => {
      const binding = (ySyncPluginKey.getState(view.state) as { binding?: ProsemirrorBinding } | undefined)?.binding;
      if (binding) {
        const full = binding._prosemirrorChanged.bind(binding);
        binding._prosemirrorChanged = (doc: Node) => {
          if (!syncChangedSubtree(binding, doc)) full(doc);
        };
      }
      return {};
    },
  });
}
