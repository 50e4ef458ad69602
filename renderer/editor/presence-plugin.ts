import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { EditorView } from 'prosemirror-view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import type { ConsultationRole, PresenceCursor, RemotePresence } from '../../shared/api/contract.js';
import { findNodeById } from './outline.js';
import { interfaceLanguageChanged } from '../i18n/editor-language.js';
import { i18n, t } from '../i18n/index.js';

/**
 * Presence in the editor: the other participants' cursors and selections drawn as
 * decorations, each labelled with the delegation's code (text) in the delegation's colour.
 * Cursors travel as Yjs relative positions (y-prosemirror's awareness `cursor` convention),
 * so they stay on the same characters in every replica whatever was typed since.
 */

/** Another participant as the editor draws them: the contract's remote presence. */
export type PresencePeer = RemotePresence;

/** A peer whose cursor was found in this document: ProseMirror positions. */
export type PlacedCursor = { peer: PresencePeer; anchor: number; head: number };

/** Maps Y types to the ProseMirror nodes bound to them (y-prosemirror's binding mapping). */
export type YMapping = Map<Y.AbstractType<unknown>, Node | Node[]>;

type PresenceState = { peers: readonly PresencePeer[]; placed: readonly PlacedCursor[]; decorations: DecorationSet };

/** The presence plugin's key; its state holds the peers and their placed cursors. */
export const presenceKey = new PluginKey<PresenceState>('penholder-presence');

// Distinguishable on white and with white text on them; the code is always written too.
const palette = ['#1f6fb2', '#b3261e', '#2e7d32', '#8e44ad', '#c05600', '#00796b', '#ad1457', '#5d4037', '#3949ab', '#6d7a00', '#0277bd', '#7b1fa2'];

/** The colour of a delegation's cursor: the same code always gets the same colour. */
export function delegationColour(code: string): string {
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? '#1f6fb2';
}

/**
 * Where each peer's cursor is in the document bound to `type`: peers without a cursor, or
 * whose cursor points into text that is gone or into another document, are left out.
 * Positions are clamped into `docSize`.
 */
export function placeCursors(ydoc: Y.Doc, type: Y.XmlFragment, mapping: YMapping, peers: readonly PresencePeer[], docSize: number): PlacedCursor[] {
  const out: PlacedCursor[] = [];
  const max = Math.max(docSize - 1, 0);
  for (const peer of peers) {
    if (!peer.head) continue;
    const at = (bytes: Uint8Array): number | null => {
      try {
        return relativePositionToAbsolutePosition(ydoc, type, Y.decodeRelativePosition(bytes), mapping);
      } catch {
        // A malformed or foreign position: the peer is listed without a cursor.
        return null;
      }
    };
    const head = at(peer.head);
    const anchor = peer.anchor ? at(peer.anchor) : head;
    if (anchor === null || head === null) continue;
    out.push({ peer, anchor: Math.min(Math.max(anchor, 0), max), head: Math.min(Math.max(head, 0), max) });
  }
  return out;
}

/** The relative cursor of a selection `anchor`..`head` in the document bound to `type`, as the contract carries it. */
export function relativeCursor(type: Y.XmlFragment, mapping: YMapping, anchor: number, head: number): { anchor: Uint8Array; head: Uint8Array } {
  return {
    anchor: Y.encodeRelativePosition(absolutePositionToRelativePosition(anchor, type, mapping)),
    head: Y.encodeRelativePosition(absolutePositionToRelativePosition(head, type, mapping)),
  };
}

function roleWord(role: ConsultationRole): string {
  return role === 'facilitator' ? 'facilitator' : role === 'observer' ? 'observer' : 'delegation';
}

function cursorWidget(peer: PresencePeer): HTMLElement {
  const colour = delegationColour(peer.delegation);
  const caret = document.createElement('span');
  caret.className = 'ph-remote-cursor';
  caret.dataset.delegation = peer.delegation;
  caret.dataset.role = peer.role;
  caret.style.setProperty('--peer-colour', colour);
  caret.title = t('editor:presence.title', { name: peer.name || t('editor:presence.someone'), delegation: peer.delegation || t('editor:presence.noDelegation'), role: roleWord(peer.role) });
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'ph-remote-cursor-label';
  label.textContent = peer.delegation || peer.name || '?';
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** The decorations of `placed` cursors on `doc`: a labelled caret at each head, a tint over each selection. */
export function presenceDecorations(doc: Node, placed: readonly PlacedCursor[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const { peer, anchor, head } of placed) {
    decorations.push(Decoration.widget(head, () => cursorWidget(peer), { key: `${peer.clientId}:${peer.delegation}:${peer.role}:${peer.name}:${i18n.language}`, side: 10, ignoreSelection: true }));
    if (anchor !== head) {
      decorations.push(
        Decoration.inline(Math.min(anchor, head), Math.max(anchor, head), {
          class: 'ph-remote-selection',
          style: `background-color: ${delegationColour(peer.delegation)}33`,
          'data-delegation': peer.delegation,
        }),
      );
    }
  }
  return DecorationSet.create(doc, decorations);
}

type SyncState = { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping: YMapping } | null; isChangeOrigin?: boolean };

function syncState(state: EditorState): SyncState | undefined {
  return ySyncPluginKey.getState(state) as SyncState | undefined;
}

function place(state: EditorState, peers: readonly PresencePeer[]): PresenceState {
  const sync = syncState(state);
  if (!sync?.doc || !sync.type || !sync.binding || sync.binding.mapping.size === 0 || peers.length === 0) {
    return { peers, placed: [], decorations: DecorationSet.empty };
  }
  const placed = placeCursors(sync.doc, sync.type, sync.binding.mapping, peers, state.doc.content.size);
  return { peers, placed, decorations: presenceDecorations(state.doc, placed) };
}

/**
 * The presence plugin: holds the peers last given with `setPresence` and draws their cursors.
 * Cursors are placed again from their relative positions when the peers change and when a
 * remote change arrives; local typing only maps them.
 */
export function presencePlugin(): Plugin<PresenceState> {
  return new Plugin<PresenceState>({
    key: presenceKey,
    state: {
      init: () => ({ peers: [], placed: [], decorations: DecorationSet.empty }),
      apply(tr, prev, _old, next) {
        const peers = tr.getMeta(presenceKey) as readonly PresencePeer[] | undefined;
        if (peers) return place(next, peers);
        if (prev.peers.length === 0) return prev;
        if (syncState(next)?.isChangeOrigin) return place(next, prev.peers);
        // The cursors' tooltips are in the interface language: redrawn when it changes.
        if (interfaceLanguageChanged(tr)) return { ...prev, decorations: presenceDecorations(next.doc, prev.placed) };
        if (!tr.docChanged) return prev;
        const placed = prev.placed.map((p) => ({ ...p, anchor: tr.mapping.map(p.anchor), head: tr.mapping.map(p.head) }));
        return { peers: prev.peers, placed, decorations: prev.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: { decorations: (state) => presenceKey.getState(state)?.decorations },
  });
}

/** Shows `peers` (everyone else in the consultation) in `view`. */
export function setPresence(view: EditorView, peers: readonly PresencePeer[]): void {
  view.dispatch(view.state.tr.setMeta(presenceKey, peers).setMeta('addToHistory', false));
}

/** The peers' cursors as placed in `state`'s document. */
export function placedCursors(state: EditorState): readonly PlacedCursor[] {
  return presenceKey.getState(state)?.placed ?? [];
}

/**
 * This editor's selection as a presence to share: relative anchor and head, and the id of
 * the paragraph the head is in; null before the Y.Doc is bound to the editor.
 */
export function localCursor(state: EditorState): PresenceCursor | null {
  const sync = syncState(state);
  if (!sync?.type || !sync.binding || sync.binding.mapping.size === 0) return null;
  const { anchor, head } = state.selection;
  const paragraph = paragraphAt(state.doc, head);
  return { ...relativeCursor(sync.type, sync.binding.mapping, anchor, head), ...(paragraph ? { paragraphId: paragraph.id } : {}) };
}

/** A paragraph-level node with a stable id: where a position is, for notes and following. */
export type ParagraphRef = { id: string; pos: number; node: Node };

/** The innermost block around `pos` that has a stable id (a PP, OP, subparagraph…), or null. */
export function paragraphAt(doc: Node, pos: number): ParagraphRef | null {
  const $pos = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size));
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    const id = node.attrs.id as unknown;
    if (!node.isInline && typeof id === 'string' && id !== '') return { id, pos: $pos.before(depth), node };
  }
  return null;
}

/**
 * The paragraph the first facilitator is on: the paragraph id they published, else the
 * paragraph around their cursor; null when no facilitator is present or says where they are.
 */
export function facilitatorParagraph(state: EditorState): ParagraphRef | null {
  const peers = presenceKey.getState(state)?.peers ?? [];
  for (const peer of peers) {
    if (peer.role !== 'facilitator') continue;
    const pos = peer.paragraphId ? findNodeById(state.doc, peer.paragraphId) : -1;
    const node = pos >= 0 ? state.doc.nodeAt(pos) : null;
    if (node && peer.paragraphId) return { id: peer.paragraphId, pos, node };
    const placed = placedCursors(state).find((p) => p.peer === peer);
    const around = placed ? paragraphAt(state.doc, placed.head) : null;
    if (around) return around;
  }
  return null;
}

/**
 * Scrolls `view` so the paragraph `ref` is in the middle of its scroll container, unless it
 * is already fully visible (following must not jump while the facilitator types in place).
 */
export function scrollToParagraph(view: EditorView, ref: ParagraphRef): void {
  const dom = view.nodeDOM(ref.pos);
  if (!(dom instanceof HTMLElement)) return;
  const box = dom.getBoundingClientRect();
  const inView = box.top >= 0 && box.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  if (!inView) dom.scrollIntoView({ block: 'center' });
}
