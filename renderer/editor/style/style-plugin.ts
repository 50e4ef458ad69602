/**
 * UN style checking in the editor: after each transaction that changed the document, the
 * incremental checker of shared/style re-analyses only the paragraphs the transaction
 * touched (see touched.ts) and every problem becomes an inline decoration (a wavy underline
 * with the problem in the interface language as its tooltip, redrawn when that language
 * changes; hints dimmer). Typing (text replaced inside one paragraph,
 * text-change.ts) re-checks that paragraph alone and only maps the other problems. Problems are warnings: nothing here ever
 * filters or blocks a transaction.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { createStyleChecker, hintText, textOffsetToPos, type StyleChecker, type StyleFix, type StyleProblem } from '../../../shared/style/index.js';
import { interfaceLanguageChanged } from '../../i18n/editor-language.js';
import { i18n } from '../../i18n/index.js';
import { textOnlyChange } from '../text-change.js';
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
  doc.descendants((node, pos) => visitTextNode(found, node, pos));
  return found;
}

// Adds `node` at `pos` to `found` if problems count in it; true when its children may hold more.
function visitTextNode(found: Map<string, { node: Node; pos: number }>, node: Node, pos: number): boolean {
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
}

/** `problems` placed in `doc` (problems whose node is not found are dropped). */
export function placeProblems(doc: Node, problems: readonly StyleProblem[]): PlacedProblem[] {
  return placeIn(textNodesById(doc), problems);
}

function placeIn(nodes: Map<string, { node: Node; pos: number }>, problems: readonly StyleProblem[]): PlacedProblem[] {
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
 * What a problem says in the interface language `language` (by default the current one):
 * its place as the document names it ("OP 3"), then its catalogue sentence.
 */
export function problemText(problem: Pick<StyleProblem, 'place' | 'hint'>, language: string = i18n.language): string {
  return `${problem.place}: ${hintText(problem.hint, language)}`;
}

/** A quick fix's label in the interface language `language` (by default the current one). */
export function fixText(fix: Pick<StyleFix, 'hint'>, language: string = i18n.language): string {
  return hintText(fix.hint, language);
}

/**
 * The decorations of placed problems: an inline decoration `ph-problem` (plus
 * `ph-problem-info` for hints) with `problemText` as `title`; an empty range (an empty
 * paragraph) decorates its whole text block instead, so it can still be seen.
 */
export function problemDecorations(doc: Node, problems: readonly PlacedProblem[]): DecorationSet {
  return DecorationSet.create(doc, problems.map((problem) => problemDecoration(doc, problem)).filter((d) => d !== null));
}

function problemDecoration(doc: Node, problem: PlacedProblem): Decoration | null {
  const attrs = { class: problem.severity === 'info' ? 'ph-problem ph-problem-info' : 'ph-problem', title: problemText(problem) };
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
 * (same rule, message and severity). With `within`, only the decorations inside that range
 * of `tr.doc` are compared with `problems` (those of that range); the others are mapped.
 */
export function updateProblemDecorations(previous: DecorationSet, tr: Transaction, problems: readonly PlacedProblem[], within?: { from: number; to: number }): DecorationSet {
  const mapped = previous.map(tr.mapping, tr.doc);
  const kept = new Map<string, Decoration[]>();
  const current = within ? mapped.find(within.from, within.to).filter((d) => d.from >= within.from && d.to <= within.to) : mapped.find();
  for (const deco of current) {
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

// The problems' decorations of `tr.doc` when `tr` only changed text inside the text block at
// `block` (see text-change.ts): that paragraph is re-checked alone and its decorations brought
// up to date, every other problem and decoration is only mapped. Null when the checker needs a
// full check (see StyleChecker.recheckText) or the block is not a checked paragraph's text.
function recheckTextblock(tr: Transaction, block: number, previous: StyleState, checker: StyleChecker): StyleState | null {
  const textNode = tr.doc.nodeAt(block);
  const $block = tr.doc.resolve(block);
  const owner = textNode?.type.name === 'annex_paragraph' ? textNode : textNode?.type.name === 'paragraph_text' ? $block.parent : null;
  const ownerPos = owner === textNode ? block : $block.depth > 0 ? $block.before() : -1;
  const id: unknown = owner?.attrs.id;
  if (!textNode || !owner || ownerPos < 0 || typeof id !== 'string' || id === '') return null;
  const rechecked = checker.recheckText(id, textNode);
  if (!rechecked) return null;
  const nodes = new Map<string, { node: Node; pos: number }>();
  if (visitTextNode(nodes, owner, ownerPos)) owner.descendants((node, pos) => visitTextNode(nodes, node, ownerPos + 1 + pos));
  const fresh = placeIn(nodes, rechecked);
  const map = (p: PlacedProblem): PlacedProblem => {
    const start = tr.mapping.map(p.start, 1);
    const end = Math.max(start, tr.mapping.map(p.end, -1));
    const textPos = tr.mapping.map(p.textPos, -1);
    return start === p.start && end === p.end && textPos === p.textPos ? p : { ...p, start, end, textPos };
  };
  // The paragraph's earlier problems are those placed in its text block (problems are listed
  // paragraph by paragraph in document order, each one's footnotes inside its text block).
  const oldEnd = block + (tr.docs[0]?.nodeAt(block)?.nodeSize ?? 0);
  const old = previous.problems;
  let first = 0;
  while (first < old.length && (old[first]?.textPos ?? 0) < block) first++;
  let after = first;
  while (after < old.length && (old[after]?.textPos ?? 0) < oldEnd) after++;
  const problems = [...old.slice(0, first), ...fresh, ...old.slice(after).map(map)];
  const range = { from: block, to: block + textNode.nodeSize };
  return { problems, decorations: updateProblemDecorations(previous.decorations, tr, fresh, range) };
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
        if (interfaceLanguageChanged(tr)) return { ...previous, decorations: problemDecorations(tr.doc, previous.problems) };
        if (!tr.docChanged) return previous;
        const block = textOnlyChange(tr);
        const rechecked = block === null ? null : recheckTextblock(tr, block, previous, checker);
        if (rechecked) return rechecked;
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
