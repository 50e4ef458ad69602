/**
 * Reads a document's body chunks into a paragraph tree. Numbering continuity decides
 * where a labelled line goes, not indentation: "5." continues the open list of OP 11 when
 * the operative sequence is at 12; "(i)" after "(h)" is a letter unless the label after it
 * continues a roman list ("(ii)", label-sequence.ts). Text laid out by the exporter (indentation in steps of four spaces) is
 * read by its indentation, as long as that agrees with the numbering.
 */
import { msg, type Message } from '../i18n/message.js';
import type { Chunk } from './chunks.js';
import { altMarker, extraMarker } from './negotiation-labels.js';
import { detectOpener } from './openers.js';
import { readingFromNext, settleLabel, type Reading } from './label-sequence.js';
import { endsWithTerminal, isBareAnnexHeading, type Label } from './patterns.js';
import {
  acceptsList,
  addListItem,
  addLettered,
  addRoman,
  letteredChildType,
  newPara,
  romanChildType,
  type AnnexNode,
  type Para,
  type Tree,
} from './tree.js';

const maxDepth = 6;

type Phase = 'preamble' | 'operative' | 'decision' | 'annex';

// One way to place a labelled chunk: at path level `level` (-1 = top level), continuing a
// sequence or starting one.
type Option = { level: number; continues: boolean; apply: () => Para };

// `bareAnnex`: the open annex was headed by the annex word alone ("Annex"), the only annex.
type State = { tree: Tree; phase: Phase; path: Para[]; annex: AnnexNode | null; bareAnnex: boolean; strict: boolean; warnings: Message[] };

/**
 * Builds the tree of a document from its body chunks (footnote and page-header chunks
 * already removed, split paragraphs already joined). `decision` is true when the body line
 * ends with ":". Problems are explained in `warnings`.
 */
export function readStructure(chunks: readonly Chunk[], decision: boolean, warnings: Message[]): Tree {
  const labelled = chunks.filter((c) => c.label !== null);
  const strict = labelled.length > 0 && labelled.every((c) => c.indent % 4 === 0) && labelled.some((c) => c.indent > 0);
  const first = chunks.find((c) => c.kind === 'text');
  const isDecision = decision && first?.label?.kind !== 'number';
  const tree: Tree = { kind: isDecision ? 'decision' : 'resolution', preamble: [], operative: [], decision: [], annexes: [] };
  const state: State = { tree, phase: isDecision ? 'decision' : decision ? 'operative' : 'preamble', path: [], annex: null, bareAnnex: false, strict, warnings };
  chunks.forEach((chunk, at) => {
    const next = chunks[at + 1];
    if (chunk.kind === 'annex' && state.annex && state.bareAnnex && !isBareAnnexHeading(chunk.text)) {
      // "Annex I" under "Annex": the one annex has parts headed so (A/RES/74/280 prints
      // "Annex", then "Annex I" and "Annex II" inside it); a heading of its text.
      state.annex.content.push(chunk.text);
      state.path = [];
    } else if (chunk.kind === 'annex') {
      const title = next && next.kind === 'text' && next.label === null ? next : null;
      openAnnex(state, title ? title.text : '');
      state.bareAnnex = isBareAnnexHeading(chunk.text);
      if (title) title.kind = 'meta';
    } else if (chunk.kind === 'text') {
      if (chunk.label) placeLabelled(state, chunk, chunk.label, readingFromNext(chunks, at, chunk.label));
      else placeUnlabelled(state, chunk, next);
    }
  });
  return tree;
}

function openAnnex(state: State, title: string): void {
  state.annex = { title, content: [] };
  state.bareAnnex = false;
  state.tree.annexes.push(state.annex);
  state.phase = 'annex';
  state.path = [];
}

function placeUnlabelled(state: State, chunk: Chunk, next: Chunk | undefined): void {
  const { tree, path } = state;
  if (placeExtra(state, chunk)) return;
  if (state.phase === 'preamble') {
    const pp = newPara('preambular_paragraph', chunk.text, chunk.indent);
    tree.preamble.push(pp);
    state.path = [pp];
  } else if (state.phase === 'annex') {
    state.annex?.content.push(chunk.text);
    state.path = [];
  } else if (!endsWithTerminal(chunk.text) && next?.label?.kind === 'number' && next.label.n === 1 && path.length > 0) {
    // A heading-like line followed by "1." after the last paragraph: an annex without the word "Annex".
    openAnnex(state, chunk.text);
  } else if (state.phase === 'decision' && path.length === 0) {
    const dp = newPara('decision_paragraph', chunk.text, chunk.indent);
    tree.decision.push(dp);
    state.path = [dp];
  } else {
    const innermost = path[path.length - 1];
    if (innermost) {
      innermost.text = `${innermost.text} ${chunk.text}`;
      state.warnings.push(msg('formats:structure.joined', { text: chunk.text.slice(0, 40) }));
    } else {
      const op = newPara('operative_paragraph', chunk.text, chunk.indent);
      tree.operative.push(op);
      state.path = [op];
    }
  }
}

// A paragraph alternative or a "bis" paragraph (see negotiation-labels.ts) goes into the
// `extras` of the last top-level paragraph, so the numbering of the others is unaffected.
function placeExtra(state: State, chunk: Chunk): boolean {
  const alternative = chunk.text.startsWith(altMarker);
  if (!alternative && !chunk.text.startsWith(extraMarker)) return false;
  const { tree } = state;
  const list = state.phase === 'preamble' ? tree.preamble : state.phase === 'decision' ? tree.decision : tree.operative;
  const base = list[list.length - 1];
  const text = chunk.text.slice(1);
  if (!base || state.phase === 'annex') {
    state.warnings.push(msg('formats:structure.extraFirst', { text: text.slice(0, 40) }));
    chunk.text = text;
    return false;
  }
  const para = newPara(base.type, text, chunk.indent);
  para.alternative = alternative;
  base.extras.push(para);
  state.path = [base];
  return true;
}

// An ambiguous label ("i)") is read as the label after it says (`reading`); when that
// reading fits nowhere, both are tried again.
function placeLabelled(state: State, chunk: Chunk, label: Label, reading: Reading): void {
  const settled = settleLabel(label, reading);
  let options = optionsFor(state, chunk, settled);
  if (options.length === 0 && settled !== label) options = optionsFor(state, chunk, label);
  const undecided = label.kind === 'alpha' && label.letter !== null && label.roman !== null && reading === null;
  const chosen = choose(state, chunk, options, undecided);
  if (chosen) {
    const para = chosen.apply();
    state.path = [...state.path.slice(0, chosen.level + 1), para];
    return;
  }
  fallback(state, chunk, settled);
}

// `undecided`: the label reads both ways and the next label does not say which; then a
// continuing sequence wins over a list the colon would open ("h) … :" then a lone "i)").
function choose(state: State, chunk: Chunk, options: Option[], undecided: boolean): Option | undefined {
  const { path } = state;
  const innermost = path.length - 1;
  if (state.strict) {
    const depth = chunk.indent / 4 - 1;
    const atDepth = options.filter((o) => o.level === depth);
    const pick = atDepth.find((o) => o.continues) ?? atDepth[0];
    if (pick) return pick;
  }
  const innermostPara = path[innermost];
  if (innermostPara && innermostPara.text.trimEnd().endsWith(':') && !(undecided && options.some((o) => o.continues))) {
    const start = options.find((o) => o.level === innermost && !o.continues);
    if (start) return start;
  }
  const continuation = options.filter((o) => o.continues).sort((a, b) => b.level - a.level);
  const inner = continuation[0];
  const top = continuation.find((o) => o.level === -1);
  if (inner && top && inner !== top && preferTop(state, chunk)) return top;
  return inner ?? options.filter((o) => !o.continues).sort((a, b) => b.level - a.level)[0];
}

// "5." continues both the list of OP 4 and the operative sequence: an italic or verb
// opener less indented than the list items says it is the next operative paragraph.
function preferTop(state: State, chunk: Chunk): boolean {
  const op = state.path[0];
  const listIndent = op?.lastList?.items[0]?.indent ?? 0;
  return chunk.text.startsWith('*') || (detectOpener(chunk.text, 'op') > 0 && chunk.indent <= listIndent);
}

function optionsFor(state: State, chunk: Chunk, label: Label): Option[] {
  const options: Option[] = [];
  const { text, indent } = chunk;
  state.path.forEach((para, level) => {
    // Real texts nest at most four or five levels; deeper starts are numbering noise.
    if (level >= maxDepth - 1 && (label.kind === 'number' ? label.n === 1 : label.letter === 1 || label.roman === 1)) return;
    if (label.kind === 'number') {
      if (para.lastList && para.lastList.items.length === label.n - 1 && label.n > 1) {
        options.push({ level, continues: true, apply: () => addListItem(para, text, indent, false) });
      } else if (label.n === 1 && acceptsList(para.type)) {
        options.push({ level, continues: false, apply: () => addListItem(para, text, indent, true) });
      }
      return;
    }
    if (label.letter !== null && letteredChildType(para.type)) {
      if (para.letters === label.letter - 1) options.push({ level, continues: label.letter > 1, apply: () => addLettered(para, text, indent) });
    }
    if (label.roman !== null && romanChildType(para.type)) {
      if (para.romans === label.roman - 1) options.push({ level, continues: label.roman > 1, apply: () => addRoman(para, text, indent) });
    }
  });
  const top = topOption(state, chunk, label);
  if (top) options.push(top);
  return options;
}

function topOption(state: State, chunk: Chunk, label: Label): Option | null {
  const { tree, phase } = state;
  const make = (list: Para[], type: Para['type']) => () => {
    const para = newPara(type, chunk.text, chunk.indent);
    list.push(para);
    return para;
  };
  if (label.kind === 'number') {
    if (phase === 'preamble') {
      if (label.n !== 1) state.warnings.push(msg('formats:structure.firstNumbered', { n: label.n }));
      return { level: -1, continues: true, apply: () => ((state.phase = 'operative'), make(tree.operative, 'operative_paragraph')()) };
    }
    if (phase === 'operative' && label.n === tree.operative.length + 1) return { level: -1, continues: true, apply: make(tree.operative, 'operative_paragraph') };
    if (phase === 'annex' && state.annex) return annexListOption(state.annex, chunk, label.n);
    return null;
  }
  if (phase === 'decision' && label.letter === tree.decision.length + 1) {
    return { level: -1, continues: true, apply: make(tree.decision, 'decision_paragraph') };
  }
  return null;
}

function annexListOption(annex: AnnexNode, chunk: Chunk, n: number): Option | null {
  const last = annex.content[annex.content.length - 1];
  const list = typeof last === 'object' ? last : null;
  if (!(list && list.items.length === n - 1) && n !== 1) return null;
  return {
    level: -1,
    continues: n > 1,
    apply: () => {
      const item = newPara('list_item', chunk.text, chunk.indent);
      if (list && n > 1) list.items.push(item);
      else annex.content.push({ type: 'numbered_list', items: [item] });
      return item;
    },
  };
}

// No level continues or starts this label's sequence: put it where it fits best and say so.
function fallback(state: State, chunk: Chunk, label: Label): void {
  const { tree, path, phase } = state;
  const holder = [...path].reverse().find((p) => (label.kind === 'number' ? acceptsList(p.type) : letteredChildType(p.type) ?? romanChildType(p.type)));
  if (phase === 'annex' && state.annex && !(label.kind === 'alpha' && holder)) {
    // An annex numbers its paragraphs on across headings ("16." after "II. Our world
    // today"): a list here would restart at 1, so the paragraph keeps its label as printed.
    state.annex.content.push(chunk.labelText ? `${chunk.labelText} ${chunk.text}` : chunk.text);
    state.path = [];
    return;
  }
  state.warnings.push(
    label.kind === 'number' ? msg('formats:structure.strayNumber', { n: label.n }) : msg('formats:structure.strayLetter', { text: chunk.text.slice(0, 30) }),
  );
  if (label.kind === 'alpha' && holder) {
    const child = letteredChildType(holder.type) ? addLettered(holder, chunk.text, chunk.indent) : addRoman(holder, chunk.text, chunk.indent);
    state.path = [...path.slice(0, path.indexOf(holder) + 1), child];
    return;
  }
  const [list, type] =
    phase === 'decision' ? [tree.decision, 'decision_paragraph' as const] : phase === 'preamble' && label.kind === 'alpha' ? [tree.preamble, 'preambular_paragraph' as const] : [tree.operative, 'operative_paragraph' as const];
  if (list === tree.operative) state.phase = 'operative';
  const para = newPara(type, chunk.text, chunk.indent);
  list.push(para);
  state.path = [para];
}
