/**
 * Literal square brackets of compilation texts to bracket objects: `[...]` becomes a
 * `bracket` node (nesting kept), adjacent brackets `[shall][should]` or `[shall] [should]`
 * an alternative group, and an attribution tag right inside the closing bracket
 * `[text (EU, CAN)]` or right after it `[text] (EU, CAN)` its proposers (a "delete" in
 * the tag makes it a deletion proposal). An unbalanced bracket stays literal text, with a
 * warning naming the paragraph: nothing is lost.
 */
import type { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { msg, type Message } from '../i18n/message.js';
import { newId } from '../ids.js';
import { tagAtEnd, tagAtStart, type Tag } from './tags.js';

type BracketItem = { items: Item[]; tag: Tag | null };
type Item = string | BracketItem;
type Frame = { items: Item[]; buffer: string };

/** Turns a piece of plain text (no brackets) into inline nodes; `first` is true for the paragraph's first piece. */
export type TextToNodes = (text: string, first: boolean) => Node[];

const { nodes } = resolutionSchema;

/** True when `text` holds a square bracket. */
export function hasBrackets(text: string): boolean {
  return text.includes('[') || text.includes(']');
}

/** Reports an unbalanced bracket: what is wrong, and the text just before it (to find its line). */
export type BracketWarn = (problem: Message, near: string) => void;

/**
 * How deep brackets may nest. Compilation texts nest three or four levels; deeper ones are
 * kept as literal text with a warning naming the depth, so no input can exhaust the stack
 * of the node builder (or of anything that later walks the document).
 */
export const maxBracketDepth = 32;

// Warnings of one kind per paragraph: hostile text may hold 100,000 stray brackets.
const maxWarningsPerKind = 5;

/** The inline nodes of `raw`, brackets read as described in the module doc. */
export function parseBracketed(raw: string, toNodes: TextToNodes, warn: BracketWarn): Node[] {
  if (!hasBrackets(raw)) return toNodes(raw, true);
  const stack: Frame[] = [{ items: [], buffer: '' }];
  const top = (): Frame => stack[stack.length - 1] as Frame;
  const stray = { count: 0, first: -1 };
  const deep = { count: 0, first: -1, depth: 0 };
  let literalDepth = 0;
  let i = 0;
  while (i < raw.length) {
    const ch = raw.charAt(i);
    if (ch === '[' && stack.length > maxBracketDepth) {
      // Too deep: this bracket and what closes it stay text.
      literalDepth++;
      deep.depth = Math.max(deep.depth, stack.length - 1 + literalDepth);
      if (deep.count++ === 0) deep.first = i;
      top().buffer += ch;
      i++;
    } else if (ch === ']' && literalDepth > 0) {
      literalDepth--;
      top().buffer += ch;
      i++;
    } else if (ch === '[') {
      flush(top());
      stack.push({ items: [], buffer: '' });
      i++;
    } else if (ch === ']' && stack.length > 1) {
      const frame = stack.pop() as Frame;
      flush(frame);
      const bracket: BracketItem = { items: frame.items, tag: innerTag(frame.items) };
      i++;
      if (!bracket.tag) {
        const after = tagAtStart(raw.slice(i, i + 420));
        if (after) {
          bracket.tag = after.tag;
          i += after.length;
        }
      }
      flush(top());
      top().items.push(bracket);
    } else if (ch === ']') {
      if (stray.count++ < maxWarningsPerKind) warn(msg('formats:brackets.strayClosing'), context(raw, i));
      top().buffer += ch;
      i++;
    } else {
      top().buffer += ch;
      i++;
    }
  }
  if (stray.count > maxWarningsPerKind) warn(msg('formats:brackets.moreStrayClosing', { more: stray.count - maxWarningsPerKind }), context(raw, raw.length));
  if (deep.count > 0) {
    warn(msg('formats:brackets.tooDeep', { depth: deep.depth, limit: maxBracketDepth, deeper: deep.count }), context(raw, deep.first));
  }
  const root = unwindUnclosed(raw, stack, warn);
  flush(root);
  const state = { first: true };
  return toInline(root.items, toNodes, state);
}

// Brackets still open at the end stay literal text: "[" then the frame's items, in order,
// appended once to the outermost frame (copying each frame into its parent would be
// quadratic in the number of unclosed brackets).
function unwindUnclosed(raw: string, stack: Frame[], warn: BracketWarn): Frame {
  const root = stack[0] as Frame;
  if (stack.length === 1) return root;
  const opened = openPositions(raw);
  const unclosed = stack.length - 1;
  flush(root);
  for (let level = 1; level < stack.length; level++) {
    const frame = stack[level] as Frame;
    flush(frame);
    if (level <= maxWarningsPerKind) warn(msg('formats:brackets.unclosed'), context(raw, opened[level - 1] ?? raw.length));
    root.items.push('[');
    for (const item of frame.items) root.items.push(item);
  }
  if (unclosed > maxWarningsPerKind) warn(msg('formats:brackets.moreUnclosed', { more: unclosed - maxWarningsPerKind }), context(raw, raw.length));
  stack.length = 1;
  return root;
}

function flush(frame: Frame): void {
  if (frame.buffer !== '') frame.items.push(frame.buffer);
  frame.buffer = '';
}

// A tag written inside the bracket, at the end of its last text item.
function innerTag(items: Item[]): Tag | null {
  const last = items[items.length - 1];
  if (typeof last !== 'string') return null;
  const found = tagAtEnd(last);
  if (!found) return null;
  if (found.rest === '') items.pop();
  else items[items.length - 1] = found.rest;
  return found.tag;
}

function context(raw: string, at: number): string {
  return raw.slice(Math.max(0, at - 30), at + 20).trim();
}

// Where each still-open "[" of `raw` stands, outermost first.
function openPositions(raw: string): number[] {
  const open: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw.charAt(i) === '[') open.push(i);
    else if (raw.charAt(i) === ']' && open.length > 0) open.pop();
  }
  return open;
}

// Items to nodes: consecutive brackets with nothing or only spaces between them form an
// alternative group (the spaces are separators, not text).
function toInline(given: Item[], toNodes: TextToNodes, state: { first: boolean }): Node[] {
  const items = mergeStrings(given);
  const out: Node[] = [];
  let run: Node[] = [];
  // Every alternative of a run at the paragraph's start begins the paragraph (its opener).
  let runStartsParagraph = false;
  const endRun = () => {
    if (run.length === 1 && run[0]) out.push(run[0]);
    else if (run.length > 1) out.push(nodes.bracket_alternatives.create({ id: newId() }, run));
    if (run.length > 0) state.first = false;
    run = [];
  };
  items.forEach((item, index) => {
    if (typeof item === 'string') {
      const between = item.trim() === '' && run.length > 0 && typeof items[index + 1] === 'object';
      if (between) return;
      endRun();
      if (item !== '') out.push(...toNodes(item, state.first));
      state.first = false;
      return;
    }
    if (run.length === 0) runStartsParagraph = state.first;
    state.first = runStartsParagraph;
    run.push(bracketNode(item, toNodes, state));
  });
  endRun();
  return mergeText(out);
}

function bracketNode(item: BracketItem, toNodes: TextToNodes, state: { first: boolean }): Node {
  const content = toInline(item.items, toNodes, state);
  return nodes.bracket.create(
    {
      id: newId(),
      proposedBy: item.tag ? item.tag.codes : [],
      supportedBy: [],
      opposedBy: [],
      revision: '',
      deletion: item.tag?.deletion ?? false,
    },
    content,
  );
}

// The literal "[" of an unclosed bracket and the text around it are read as one piece.
function mergeStrings(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (typeof item === 'string' && typeof last === 'string') out[out.length - 1] = last + item;
    else out.push(item);
  }
  return out;
}

// Pieces read separately may end and start with text of equal marks; ProseMirror wants them joined.
function mergeText(list: Node[]): Node[] {
  const out: Node[] = [];
  for (const node of list) {
    const last = out[out.length - 1];
    if (last && last.isText && node.isText && last.sameMarkup(node)) out[out.length - 1] = resolutionSchema.text((last.text ?? '') + (node.text ?? ''), last.marks);
    else out.push(node);
  }
  return out;
}

/**
 * A bracket around a whole paragraph: `texts` are the paragraph's own text then its
 * descendants' texts in order. When the first text opens with "[" and that bracket closes
 * at the very end of the last text (a tag may follow inside), both brackets are removed
 * from `texts` (changed in place) and the tag is returned ({ codes: [], deletion: false }
 * without one); else null and `texts` is unchanged.
 */
export function takeWholeBracket(texts: string[]): Tag | null {
  const first = texts[0] ?? '';
  if (!first.trimStart().startsWith('[')) return null;
  let depth = 0;
  let closedAt: { text: number; at: number } | null = null;
  for (let t = 0; t < texts.length && !closedAt; t++) {
    const text = texts[t] ?? '';
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (ch === '[') depth++;
      else if (ch === ']' && depth > 0 && --depth === 0) {
        closedAt = { text: t, at: i };
        break;
      }
    }
  }
  if (!closedAt || closedAt.text !== texts.length - 1) return null;
  const last = texts[closedAt.text] ?? '';
  const after = last.slice(closedAt.at + 1);
  const outside = after.trim() === '' ? null : tagAtStart(after);
  if (after.trim() !== '' && !(outside && after.slice(outside.length).trim() === '')) return null;
  const before = last.slice(0, closedAt.at);
  const inside = outside ? null : tagAtEnd(before);
  texts[closedAt.text] = inside ? inside.rest : before;
  texts[0] = (texts[0] ?? '').trimStart().slice(1);
  return outside?.tag ?? inside?.tag ?? { codes: [], deletion: false };
}
