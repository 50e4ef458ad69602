/**
 * UN style checking in the editor: after each transaction that changed the document, the
 * incremental checker of shared/style re-analyses only the paragraphs the transaction
 * touched (see touched.ts) and every problem becomes an inline decoration (a wavy underline
 * with the message as its tooltip; hints dimmer). Problems are warnings: nothing here ever
 * filters or blocks a transaction.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { createStyleChecker, textOffsetToPos, type StyleChecker, type StyleProblem } from '../../../shared/style/index.js';
import { touchedParagraphIds } from './touched.js';

/**
 * A problem placed in the document: `start`..`end` are document positions of its range
 * (equal for an empty range, e.g. an empty paragraph) and `textPos` is the position before
 * the node whose text the problem's offsets count (a `paragraph_text`, an
 * `annex_paragraph` or a footnote), so a fix can map its own offsets.
 */
export type PlacedProblem = StyleProblem & { start: number; end: number; textPos: number };

/** The plugin's state: the current problems in document order and their decorations. */
export type StyleState = { problems: PlacedProblem[]; decorations: DecorationSet };

/** The key of the style plugin's state (`styleKey.getState(state)?.problems`). */
export const styleKey = new PluginKey<StyleState>('penholder-style');

/**
 * The nodes whose text problems count in, by id: a paragraph's `paragraph_text` (or an
 * `annex_paragraph` itself) and each footnote. Does not descend into text.
 */
export function textNodesById(doc: Node): Map<string, { node: Node; pos: number }> {
  const found = new Map<string, { node: Node; pos: number }>();
  doc.descendants((node, pos) => {
    const id: unknown = node.attrs.id;
    if (typeof id === 'string' && id !== '' && !found.has(id)) {
      const first = node.firstChild;
      if (node.type.name === 'footnote' || node.type.name === 'annex_paragraph') found.set(id, { node, pos });
      else if (first?.type.name === 'paragraph_text') found.set(id, { node: first, pos: pos + 1 });
    }
    if (node.type.name === 'paragraph_text') {
      // Footnotes live inside paragraph text; only look for them there.
      node.forEach((child, offset) => {
        const childId: unknown = child.attrs.id;
        if (child.type.name === 'footnote' && typeof childId === 'string' && !found.has(childId)) found.set(childId, { node: child, pos: pos + 1 + offset });
      });
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

/** `problems` placed in `doc` (problems whose node is not found are dropped). */
export function placeProblems(doc: Node, problems: readonly StyleProblem[]): PlacedProblem[] {
  const nodes = textNodesById(doc);
  const placed: PlacedProblem[] = [];
  for (const problem of problems) {
    const at = nodes.get(problem.paragraphId);
    if (!at) continue;
    const start = textOffsetToPos(at.node, at.pos, problem.from);
    const end = Math.max(start, textOffsetToPos(at.node, at.pos, problem.to));
    placed.push({ ...problem, start, end, textPos: at.pos });
  }
  return placed;
}

/**
 * The decorations of placed problems: an inline decoration `ph-problem` (plus
 * `ph-problem-info` for hints) with the message as `title`; an empty range (an empty
 * paragraph) decorates its whole text block instead, so it can still be seen.
 */
export function problemDecorations(doc: Node, problems: readonly PlacedProblem[]): DecorationSet {
  return DecorationSet.create(doc, problems.map((problem) => problemDecoration(doc, problem)).filter((d) => d !== null));
}

function problemDecoration(doc: Node, problem: PlacedProblem): Decoration | null {
  const attrs = { class: problem.severity === 'info' ? 'ph-problem ph-problem-info' : 'ph-problem', title: problem.message };
  if (problem.end > problem.start) return Decoration.inline(problem.start, problem.end, attrs, { problem });
  const node = doc.nodeAt(problem.textPos);
  return node ? Decoration.node(problem.textPos, problem.textPos + node.nodeSize, { ...attrs, class: `${attrs.class} ph-problem-block` }, { problem }) : null;
}

// What a decoration shows and where: two decorations with the same key draw the same.
function problemKey(problem: PlacedProblem, from: number, to: number): string {
  return `${from}:${to}:${problem.end > problem.start ? 'i' : 'b'}:${problem.severity}:${problem.rule}:${problem.message}`;
}

/**
 * `previous` (the decorations of the document before `tr`) brought up to `problems` in
 * `tr.doc`: decorations that, once mapped, still show a current problem at the same place
 * are kept as they are (so ProseMirror's view diff sees them unchanged and redraws nothing
 * there); only the others are removed and the missing ones added. Draws the same as
 * `problemDecorations(tr.doc, problems)`; a kept decoration's spec keeps its older problem
 * (same rule, message and severity).
 */
export function updateProblemDecorations(previous: DecorationSet, tr: Transaction, problems: readonly PlacedProblem[]): DecorationSet {
  const mapped = previous.map(tr.mapping, tr.doc);
  const kept = new Map<string, Decoration[]>();
  for (const deco of mapped.find()) {
    const key = problemKey((deco.spec as { problem: PlacedProblem }).problem, deco.from, deco.to);
    const list = kept.get(key);
    if (list) list.push(deco);
    else kept.set(key, [deco]);
  }
  const added: Decoration[] = [];
  for (const problem of problems) {
    const fresh = problemDecoration(tr.doc, problem);
    if (!fresh) continue;
    const same = kept.get(problemKey(problem, fresh.from, fresh.to));
    if (same && same.length > 0) same.pop();
    else added.push(fresh);
  }
  const stale = [...kept.values()].flat();
  if (stale.length === 0 && added.length === 0) return mapped;
  return mapped.remove(stale).add(tr.doc, added);
}

type Listener = (problems: readonly PlacedProblem[]) => void;
const listeners = new WeakMap<EditorView, Set<Listener>>();

/**
 * Calls `listener` with the current problems of `view` now and after every update that
 * changed them; returns the unsubscribe function. For panels outside the editor.
 */
export function subscribeProblems(view: EditorView, listener: Listener): () => void {
  let set = listeners.get(view);
  if (!set) listeners.set(view, (set = new Set()));
  set.add(listener);
  listener(styleKey.getState(view.state)?.problems ?? []);
  return () => set.delete(listener);
}

/**
 * The style plugin with its own incremental checker. `checker` may be passed to observe it
 * (tests read its `lastAnalysed()`); each editor needs its own.
 */
export function stylePlugin(checker: StyleChecker = createStyleChecker()): Plugin<StyleState> {
  return new Plugin<StyleState>({
    key: styleKey,
    state: {
      init: (_config, state) => {
        const problems = placeProblems(state.doc, checker.check(state.doc));
        return { problems, decorations: problemDecorations(state.doc, problems) };
      },
      apply: (tr, previous) => {
        if (!tr.docChanged) return previous;
        const problems = placeProblems(tr.doc, checker.check(tr.doc, touchedParagraphIds(tr)));
        return { problems, decorations: updateProblemDecorations(previous.decorations, tr, problems) };
      },
    },
    props: {
      decorations: (state: EditorState) => styleKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view: () => ({
      update: (view, prevState) => {
        const problems = styleKey.getState(view.state)?.problems ?? [];
        if (problems === styleKey.getState(prevState)?.problems) return;
        for (const listener of listeners.get(view) ?? []) listener(problems);
      },
    }),
  });
}
