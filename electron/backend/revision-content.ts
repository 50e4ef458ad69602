import * as Y from 'yjs';
import { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import type { JsonNode } from '../../shared/ids.js';
import { prosemirrorFragment } from '../../shared/ydoc.js';

/**
 * The ProseMirror JSON of a document as it was at a Yjs snapshot, read straight from the
 * full Y.Doc (gc off) without building a second Y.Doc.
 *
 * Why not `Y.createDocFromSnapshot`: it encodes and re-integrates every struct of the
 * document's whole history (and `Y.Text#toDelta(snapshot)` first splits every struct the
 * snapshot's delete set touches), so after 100,000 edits one revision took hundreds of
 * milliseconds. This walk visits each item of the content tree once and decides per
 * character whether it existed (clock below the state vector) and was not yet deleted
 * (binary search in the snapshot's delete set); it mirrors y-prosemirror's
 * `yXmlFragmentToProsemirrorJSON` (marks are text attributes named `mark` or `mark--hash`).
 * `ydoc` must hold every update up to the snapshot (the live document does): deletions only
 * ever grow, so an item not deleted in it was not deleted at the snapshot either, and only
 * deleted items need the search.
 */
export function contentAtSnapshot(ydoc: Y.Doc, snapshot: Y.Snapshot): JsonNode {
  const at = visibility(snapshot);
  const element = (el: Y.XmlElement): JsonNode => {
    const node: JsonNode = { type: el.nodeName };
    const attrs = Y.typeMapGetAllSnapshot(el, snapshot) as Record<string, unknown>;
    if (Object.keys(attrs).length > 0) node.attrs = attrs;
    const content = children(el);
    if (content.length > 0) node.content = content;
    return node;
  };
  const children = (parent: Y.XmlElement | Y.XmlFragment): JsonNode[] => {
    const out: JsonNode[] = [];
    for (let item = parent._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentType) || !at.visible(item.id.client, item.id.clock, item.deleted)) continue;
      const type = item.content.type;
      if (type instanceof Y.XmlText) out.push(...text(type));
      else if (type instanceof Y.XmlElement) out.push(element(type));
    }
    return out;
  };
  const text = (t: Y.XmlText): JsonNode[] => {
    const out: JsonNode[] = [];
    const attributes = new Map<string, unknown>();
    let str = '';
    const pack = () => {
      if (str === '') return;
      const node: JsonNode = { type: 'text', text: str };
      if (attributes.size > 0) {
        node.marks = [...attributes].map(([name, attrs]) => ({ type: name.split('--')[0], ...(attrs && typeof attrs === 'object' ? { attrs } : {}) }));
      }
      out.push(node);
      str = '';
    };
    for (let item = t._start; item !== null; item = item.right) {
      const { client, clock } = item.id;
      if (item.content instanceof Y.ContentString) {
        str += at.visibleChars(client, clock, item.content.str, item.deleted);
      } else if (item.content instanceof Y.ContentFormat && at.visible(client, clock, item.deleted)) {
        pack();
        if (item.content.value === null) attributes.delete(item.content.key);
        else attributes.set(item.content.key, item.content.value);
      }
    }
    pack();
    return out;
  };
  return { type: 'doc', content: children(prosemirrorFragment(ydoc)) };
}

/**
 * The ProseMirror document at a snapshot of the full Y.Doc (see {@link contentAtSnapshot}),
 * checked against the schema: what `yDocToDoc(Y.createDocFromSnapshot(ydoc, snapshot))`
 * gives, at a fraction of the cost. Throws if the content is not a valid document.
 */
export function docAtSnapshot(ydoc: Y.Doc, snapshot: Y.Snapshot): Node {
  const node = Node.fromJSON(resolutionSchema, contentAtSnapshot(ydoc, snapshot));
  node.check();
  return node;
}

/** Per-id visibility at a snapshot: created before its state vector and not in its delete set. */
function visibility(snapshot: Y.Snapshot) {
  const { sv, ds } = snapshot;
  // The delete set's ranges per client are sorted and disjoint (mergeDeleteSets ensures it).
  const ranges = (client: number): { clock: number; len: number }[] => ds.clients.get(client) ?? [];
  const firstEndingAfter = (list: { clock: number; len: number }[], clock: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid]!;
      if (r.clock + r.len <= clock) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    /** Whether the item at this id existed and was not deleted at the snapshot (`deletedNow`: deleted in the full document). */
    visible(client: number, clock: number, deletedNow: boolean): boolean {
      if (clock >= (sv.get(client) ?? 0)) return false;
      if (!deletedNow) return true;
      const list = ranges(client);
      const r = list[firstEndingAfter(list, clock)];
      return !(r && r.clock <= clock);
    },
    /** The characters of a string item (clocks `clock`, `clock + 1`, ...) visible at the snapshot; `deletedNow` as for `visible`. */
    visibleChars(client: number, clock: number, str: string, deletedNow: boolean): string {
      const end = Math.min(clock + str.length, sv.get(client) ?? 0);
      if (end <= clock) return '';
      if (!deletedNow) return end - clock === str.length ? str : str.slice(0, end - clock);
      const list = ranges(client);
      let out = '';
      let at = clock;
      for (let i = firstEndingAfter(list, clock); at < end; i++) {
        const r = list[i];
        const stop = r ? Math.min(r.clock, end) : end;
        if (stop > at) out += str.slice(at - clock, stop - clock);
        if (!r) break;
        at = Math.max(at, r.clock + r.len);
      }
      return out;
    },
  };
}
