/**
 * Paragraph status in the margin: every top-level paragraph (PP, OP, decision paragraph and
 * their alternatives) gets a widget at its start, drawn by status.css in the inline-end
 * margin as a small button with the status in words and a colour ("Agreed", "Reservation:
 * USA", "Parked"; never colour alone). Pending paragraphs get one too, shown only while the
 * pointer is over the paragraph (and hidden from assistive technology), so what is NOT
 * pending stands out at a glance. Clicking the button (or Enter on it, or Mod-Alt-Shift-s
 * in the paragraph) fires `paragraphStatusRequestEvent` on the editor's root; the status
 * dialog listens for it.
 *
 * Typing must stay cheap: a transaction only re-reads the top-level paragraphs its steps
 * touched, and only when a step changed structure (not just text inside one text block)
 * are the existing widgets checked again, since numbers ("OP 3") may then have moved.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { keymap } from '../commands/key-bindings.js';
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { computeNumbering, type Numbering } from '../../../shared/document/numbering.js';
import { paragraphStatus, topParagraphs } from '../../../shared/negotiation/model.js';
import { statusText, wasReopened } from '../../../shared/negotiation/status-labels.js';
import { interfaceLanguageChanged } from '../../i18n/editor-language.js';
import { i18n, t } from '../../i18n/index.js';
import { textDirection } from '../../../shared/i18n/languages.js';
import { statusAuthorShown, statusWordsShown } from '../../i18n/status-names.js';
import { formatDateTime } from '../../format.js';
import { numberingKey } from '../numbering-plugin.js';
import { facilitatorRefusal, showSuggestionNotice } from './suggestion-plugin.js';

/** The DOM event (a CustomEvent with `detail: { id }`, the paragraph's id) asking for the status dialog. */
export const paragraphStatusRequestEvent = 'penholder:paragraph-status';

/** The key that opens the status dialog for the paragraph at the cursor. */
export const paragraphStatusShortcut = 'Mod-Alt-Shift-s';

/**
 * What one margin widget shows: the paragraph's `id` and `path` ("OP 3"), the status
 * `state`, its `text` ("Reservation: USA"), `title` (who and when), the button's accessible
 * `label`, whether the paragraph was `reopened` (texts in the interface language), and `key`, which is equal exactly when two widgets draw the same.
 */
export type StatusWidgetSpec = { key: string; id: string; path: string; state: string; text: string; title: string; label: string; reopened: boolean };

/**
 * The plugin's state: the widgets, how many paragraphs the last transaction re-read, and
 * how many paragraphs are not pending (the editor's root has the class `ph-status-margin`,
 * and while any is not pending also `ph-with-status`, which widens the margin for the labels).
 */
export type StatusMarginState = { decorations: DecorationSet; recomputed: number; shown: number };

/** The key of the status margin's state (`statusMarginKey.getState(state)`). */
export const statusMarginKey = new PluginKey<StatusMarginState>('penholder-status-margin');

type PathLookup = (id: string) => string | undefined;

function lookup(numbering: () => Numbering): PathLookup {
  let known: Numbering | null = null;
  return (id) => (known ??= numbering()).byId.get(id)?.path;
}

/** Calls `fn` for each top-level paragraph overlapping `from`..`to` in `doc`, without entering text. */
function eachTopParagraph(doc: Node, from: number, to: number, fn: (node: Node, pos: number) => void): void {
  doc.nodesBetween(from, to, (node, pos) => {
    if (topParagraphs.has(node.type.name)) {
      fn(node, pos);
      return false;
    }
    return !node.isTextblock && !node.isAtom && node.type.name !== 'header' && node.type.name !== 'annex';
  });
}

type Shown = Pick<StatusWidgetSpec, 'path' | 'text' | 'title' | 'label'>;

// The words of the widgets met so far, by what they depend on, for one interface language:
// typing re-reads the paragraph under the cursor at each keystroke, and its words have not
// changed. Emptied when the language changes (and when it grows past `shownLimit`).
let shownWords: { language: string; byKey: Map<string, Shown> } = { language: '', byKey: new Map() };
const shownLimit = 2000;

function wordsOf(key: string, make: () => Shown): Shown {
  if (shownWords.language !== i18n.language || shownWords.byKey.size >= shownLimit) shownWords = { language: i18n.language, byKey: new Map() };
  let words = shownWords.byKey.get(key);
  if (!words) shownWords.byKey.set(key, (words = make()));
  return words;
}

/**
 * The widget spec of the top-level paragraph `node`, or null when it has no id yet. Its
 * words are in the interface language, looked up once per language and status (see wordsOf).
 */
export function statusWidgetSpec(node: Node, pathOf: PathLookup): StatusWidgetSpec | null {
  const id = String(node.attrs.id ?? '');
  if (id === '') return null;
  const status = paragraphStatus(node);
  const known = pathOf(id);
  const linked = status.state === 'agreed_pending' ? status.linked.map((l) => pathOf(l) ?? '') : [];
  const reopened = wasReopened(status);
  const key = [known ?? '\u0002', status.state, status.delegations.join(','), linked.join(','), status.by, status.at, reopened].join('\u0001');
  const { path, text, title, label } = wordsOf(key, () => {
    const path = known ?? t('editor:status.paragraph');
    const text = statusText(status, (l) => pathOf(l) || t('editor:status.removed'), statusWordsShown);
    const title =
      status.at === '' ? t('editor:status.title', { path, text }) : t('editor:status.titleSet', { path, text, by: statusAuthorShown(status.by), at: formatDateTime(status.at) });
    const label = reopened ? t('editor:status.buttonReopened', { path, text }) : t('editor:status.button', { path, text });
    return { path, text, title, label };
  });
  return { key: `status|${id}|${path}|${status.state}|${text}|${title}|${label}`, id, path, state: status.state, text, title, label, reopened };
}

function drawWidget(spec: StatusWidgetSpec): (view: EditorView) => HTMLElement {
  return (view) => {
    const box = document.createElement('span');
    box.className = `ph-status ph-status-${spec.state}`;
    box.contentEditable = 'false';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ph-status-button';
    button.setAttribute('aria-label', spec.label);
    if (spec.state === 'pending') {
      // Hidden until hovered, so not read before every paragraph either; the shortcut and the
      // toolbar's "Status…" reach it from the keyboard.
      box.setAttribute('aria-hidden', 'true');
      button.tabIndex = -1;
    }
    button.title = spec.title;
    // The words are in the interface language whatever the document's; the box follows the document's direction.
    const words = document.createElement('span');
    words.dir = textDirection(i18n.language);
    words.textContent = spec.text;
    button.append(words);
    if (spec.reopened) {
      const note = document.createElement('span');
      note.dir = words.dir;
      note.className = 'ph-status-note';
      note.textContent = t('editor:status.reopened');
      button.append(note);
    }
    button.addEventListener('click', () => requestStatusOf(view, view.state, spec.id));
    box.append(button);
    return box;
  };
}

function widget(pos: number, spec: StatusWidgetSpec): Decoration {
  return Decoration.widget(pos + 1, drawWidget(spec), { ...spec, side: -1, ignoreSelection: true, stopEvent: () => true });
}

/** Every top-level paragraph's widget in `doc`. */
export function statusDecorations(doc: Node, pathOf: PathLookup): DecorationSet {
  const widgets: Decoration[] = [];
  eachTopParagraph(doc, 0, doc.content.size, (node, pos) => {
    const spec = statusWidgetSpec(node, pathOf);
    if (spec) widgets.push(widget(pos, spec));
  });
  return DecorationSet.create(doc, widgets);
}

const countShown = (set: DecorationSet): number => set.find(undefined, undefined, (spec) => (spec as StatusWidgetSpec).state !== 'pending').length;

/** The state for `doc` built from scratch. */
export function initialStatusState(doc: Node, pathOf: PathLookup): StatusMarginState {
  const decorations = statusDecorations(doc, pathOf);
  return { decorations, recomputed: 0, shown: countShown(decorations) };
}

/**
 * True when `step` may change paragraph numbers: anything but text (and marks) replaced
 * inside one text block of `before`, the document it applies to, and attribute changes
 * other than an alternative's link (status and bracket attributes number nothing).
 */
function renumbers(step: Step, before: Node): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return false;
  if (step instanceof AttrStep) return step.attr === 'alternativeOf';
  if (!(step instanceof ReplaceStep)) return true;
  const { slice } = step;
  let inline = slice.openStart === 0 && slice.openEnd === 0;
  slice.content.forEach((child) => {
    if (!child.isInline) inline = false;
  });
  if (!inline) return true;
  const $from = before.resolve(step.from);
  return !($from.parent.isTextblock && step.to <= $from.end());
}

/**
 * `previous` brought up to `tr.doc`: the widgets are mapped, then the top-level paragraphs
 * the steps touched get their widget rebuilt when what it shows changed (and stray widgets
 * inside them, e.g. of a paragraph joined into another, go). After a structural step every
 * paragraph that has a widget is checked too, since its number may have changed.
 */
export function updateStatusDecorations(previous: StatusMarginState, tr: Transaction, pathOf: PathLookup): StatusMarginState {
  let decorations = previous.decorations.map(tr.mapping, tr.doc);
  const touched = new Map<number, Node>();
  let structural = false;
  tr.steps.forEach((step, i) => {
    const after = tr.mapping.slice(i + 1);
    const ranges: [number, number][] = [];
    step.getMap().forEach((_a, _b, start, end) => ranges.push([start, end]));
    // Mark steps have no map range but a from/to; attribute steps a pos.
    const { from: markFrom, to: markTo, pos: at } = step as unknown as { from?: unknown; to?: unknown; pos?: unknown };
    if (ranges.length === 0 && typeof markFrom === 'number' && typeof markTo === 'number') ranges.push([markFrom, markTo]);
    else if (ranges.length === 0 && typeof at === 'number') ranges.push([at, at + 1]);
    const before = tr.docs[i];
    if (ranges.length === 0 || !before || renumbers(step, before)) structural = true;
    for (const [start, end] of ranges) {
      const from = after.map(start, -1);
      const to = Math.max(from, after.map(end, 1));
      eachTopParagraph(tr.doc, from, to, (node, pos) => touched.set(pos, node));
    }
  });
  if (structural) {
    for (const deco of decorations.find()) {
      const node = tr.doc.nodeAt(deco.from - 1);
      if (node && topParagraphs.has(node.type.name)) touched.set(deco.from - 1, node);
    }
  }
  const stale: Decoration[] = [];
  const added: Decoration[] = [];
  for (const [pos, node] of touched) {
    const spec = statusWidgetSpec(node, pathOf);
    let kept = false;
    for (const deco of decorations.find(pos, pos + node.nodeSize)) {
      const own = deco.from === pos + 1 && !kept && spec !== null && (deco.spec as StatusWidgetSpec).key === spec.key;
      if (own) kept = true;
      else stale.push(deco);
    }
    if (!kept && spec) added.push(widget(pos, spec));
  }
  if (stale.length > 0) decorations = decorations.remove(stale);
  if (added.length > 0) decorations = decorations.add(tr.doc, added);
  // Widgets only go or change state through the lists above or a structural step.
  const shown = stale.length > 0 || added.length > 0 || structural ? countShown(decorations) : previous.shown;
  return { decorations, recomputed: touched.size, shown };
}

// ph-status-margin reserves the room of the labels (status.css), in the editor only.
const withStatus: Record<string, string> = { class: 'ph-status-margin ph-with-status' };
const none: Record<string, string> = { class: 'ph-status-margin' };

/**
 * The status margin plugin; put it after the numbering plugin, whose numbering it reads
 * for the paragraphs' names.
 */
export function statusMarginPlugin(): Plugin<StatusMarginState> {
  const numberingOf = (state: EditorState) => () => numberingKey.getState(state)?.numbering ?? computeNumbering(state.doc);
  return new Plugin<StatusMarginState>({
    key: statusMarginKey,
    state: {
      init: (_config, state) => initialStatusState(state.doc, lookup(numberingOf(state))),
      apply: (tr, previous, _old, state) => {
        // A new interface language redraws every label and tooltip.
        if (interfaceLanguageChanged(tr)) return initialStatusState(state.doc, lookup(numberingOf(state)));
        return tr.docChanged ? updateStatusDecorations(previous, tr, lookup(numberingOf(state))) : previous;
      },
    },
    props: {
      decorations: (state) => statusMarginKey.getState(state)?.decorations ?? DecorationSet.empty,
      attributes: (state): Record<string, string> => (statusMarginKey.getState(state)?.shown ? withStatus : none),
    },
  });
}

/** The position and node of the top-level paragraph holding the selection's start, or null. */
export function cursorTopParagraph(state: EditorState): { pos: number; node: Node } | null {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (topParagraphs.has(node.type.name)) return { pos: $from.before(depth), node };
  }
  return null;
}

/**
 * Asks for the status dialog of the top-level paragraph at the cursor (a subparagraph's
 * status is its paragraph's); false outside such a paragraph. Acting as a delegation or
 * observing, it shows a notice saying only the facilitator sets statuses instead.
 */
export const requestParagraphStatus: Command = (state, dispatch, view) => {
  const found = cursorTopParagraph(state);
  const id = found ? String(found.node.attrs.id ?? '') : '';
  if (id === '') return false;
  if (dispatch && view) requestStatusOf(view, state, id);
  return true;
};


// Opens the status dialog of paragraph `id`, or explains why not (a delegation, an observer).
function requestStatusOf(view: EditorView, state: EditorState, id: string): void {
  const refusal = facilitatorRefusal(state, t('editor:refusal.status'));
  if (refusal !== '') showSuggestionNotice(view, refusal);
  else view.dom.dispatchEvent(new CustomEvent(paragraphStatusRequestEvent, { bubbles: true, detail: { id } }));
}

/** The key binding of `requestParagraphStatus` (`paragraphStatusShortcut`). */
export function statusKeymap(): Plugin {
  return keymap({ [paragraphStatusShortcut]: requestParagraphStatus });
}
