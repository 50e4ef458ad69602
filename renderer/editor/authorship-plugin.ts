import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { EditorView } from 'prosemirror-view';
import * as Y from 'yjs';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import type { ClientAuthor } from '../../shared/api/contract.js';
import { prosemirrorFragment } from '../../shared/ydoc.js';
import { interfaceLanguageChanged } from '../i18n/editor-language.js';
import { t } from '../i18n/index.js';

/**
 * The authorship view: text coloured by the delegation that wrote it. Who wrote a character
 * is the Yjs client id of the item holding it; `history.authors` maps client ids to people.
 * Off by default; when on, the colours are mapped through each edit and recomputed from the
 * Y.Doc only once typing pauses, never per keystroke over the whole document.
 */

/** A run of text written by one Yjs client: ProseMirror positions [from, to). */
export type AuthorRange = { from: number; to: number; clientId: number };

/**
 * The runs of visible text in `ydoc`'s ProseMirror fragment with the client id that wrote
 * each, in document order, at the positions the bound ProseMirror document gives them
 * (y-prosemirror maps each XmlElement to a node and each XmlText to a run of text nodes).
 * Adjacent runs of the same client are merged. Deleted text is skipped.
 */
export function authorshipRanges(ydoc: Y.Doc): AuthorRange[] {
  const out: AuthorRange[] = [];
  walkChildren(prosemirrorFragment(ydoc), 0, out);
  return out;
}

function walkChildren(parent: Y.XmlFragment | Y.XmlElement, start: number, out: AuthorRange[]): number {
  let pos = start;
  for (let item = parent._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (child instanceof Y.XmlText) pos = walkText(child, pos, out);
    else if (child instanceof Y.XmlElement) {
      if (resolutionSchema.nodes[child.nodeName]?.isLeaf) pos += 1;
      else pos = walkChildren(child, pos + 1, out) + 1;
    }
  }
  return pos;
}

function walkText(text: Y.XmlText, start: number, out: AuthorRange[]): number {
  let pos = start;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const clientId = item.id.client;
    const last = out[out.length - 1];
    if (last && last.to === pos && last.clientId === clientId) last.to += item.length;
    else out.push({ from: pos, to: pos + item.length, clientId });
    pos += item.length;
  }
  return pos;
}

/** A delegation in the authorship legend: its code (or the author's name), colour index and who wrote as it. */
export type LegendEntry = { key: string; colour: number; authors: string[] };

/** The authorship colours of a document: one per delegation, delegations in alphabetical order of their key. */
export type AuthorPalette = { legend: LegendEntry[]; colourOf: Map<number, { colour: number; who: string }> };

/** How many distinct authorship colours the stylesheet defines (`.ph-author-0` ... ). */
export const paletteSize = 8;

/**
 * Colours for `authors`: the delegations (or authors without one), in alphabetical order so
 * a delegation keeps its colour whatever order the authors come in, get the `paletteSize`
 * colours in turn; client ids map to their delegation's colour and the writer (`who`: "Ana (FRA)") the tooltip names.
 */
export function authorPalette(authors: readonly ClientAuthor[]): AuthorPalette {
  const keyOf = (a: ClientAuthor) => a.delegation || a.author || t('editor:authorship.unknownWriter');
  const keys = [...new Set(authors.map(keyOf))].sort();
  const legend: LegendEntry[] = keys.map((key, i) => ({ key, colour: i % paletteSize, authors: [] }));
  const byKey = new Map(legend.map((entry) => [entry.key, entry]));
  const colourOf = new Map<number, { colour: number; who: string }>();
  for (const a of authors) {
    const entry = byKey.get(keyOf(a)) as LegendEntry;
    if (a.author && !entry.authors.includes(a.author)) entry.authors.push(a.author);
    const who = a.author && a.delegation ? `${a.author} (${a.delegation})` : entry.key;
    colourOf.set(a.clientId, { colour: entry.colour, who });
  }
  return { legend, colourOf };
}

/** The authorship decorations of `ydoc` for `doc`: a coloured inline span per run; unknown writers are marked as such. */
export function authorshipDecorations(ydoc: Y.Doc, state: EditorState, palette: AuthorPalette): DecorationSet {
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const range of authorshipRanges(ydoc)) {
    if (range.to > size) break;
    const known = palette.colourOf.get(range.clientId);
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: known ? `ph-author ph-author-${known.colour}` : 'ph-author ph-author-unknown',
        title: known ? t('editor:authorship.writtenBy', { who: known.who }) : t('editor:authorship.unknown'),
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

type AuthorshipState = { palette: AuthorPalette | null; decorations: DecorationSet };

/** The authorship plugin's key. */
export const authorshipKey = new PluginKey<AuthorshipState>('authorship');

// Recompute from the Y.Doc this long after the last change, so typing only maps decorations.
const recomputeDelayMs = 600;

/**
 * The authorship plugin for an editor bound to `ydoc`. Shows nothing until
 * `showAuthorship(view, palette)` turns it on; `showAuthorship(view, null)` turns it off.
 */
export function authorshipPlugin(ydoc: Y.Doc): Plugin<AuthorshipState> {
  return new Plugin<AuthorshipState>({
    key: authorshipKey,
    state: {
      init: () => ({ palette: null, decorations: DecorationSet.empty }),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(authorshipKey) as AuthorshipState | undefined;
        if (meta) return meta;
        // The tooltips ("Written by …") follow the interface language.
        if (prev.palette && interfaceLanguageChanged(tr)) return { palette: prev.palette, decorations: authorshipDecorations(ydoc, state, prev.palette) };
        if (!prev.palette || !tr.docChanged) return prev;
        return { palette: prev.palette, decorations: prev.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: { decorations: (state) => authorshipKey.getState(state)?.decorations ?? DecorationSet.empty },
    view() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return {
        update(view, prevState) {
          const palette = authorshipKey.getState(view.state)?.palette;
          if (!palette || view.state.doc === prevState.doc) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            if (authorshipKey.getState(view.state)?.palette !== palette) return;
            view.dispatch(view.state.tr.setMeta(authorshipKey, { palette, decorations: authorshipDecorations(ydoc, view.state, palette) }).setMeta('addToHistory', false));
          }, recomputeDelayMs);
        },
        destroy() {
          clearTimeout(timer);
        },
      };
    },
  });
}

/**
 * Turns the authorship colours on for `palette` (computed now, from the editor's Y.Doc) or
 * off (null). No-op on an editor without the authorship plugin.
 */
export function showAuthorship(view: EditorView, ydoc: Y.Doc, palette: AuthorPalette | null): void {
  if (!authorshipKey.getState(view.state)) return;
  const decorations = palette ? authorshipDecorations(ydoc, view.state, palette) : DecorationSet.empty;
  view.dispatch(view.state.tr.setMeta(authorshipKey, { palette, decorations }).setMeta('addToHistory', false));
}
