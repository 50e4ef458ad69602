/**
 * The style checker: all rules over a document (`checkDocument`) and the incremental form
 * the editor runs per transaction (`createStyleChecker`).
 *
 * Complexity of `check(doc, changedIds)`, with P paragraphs and F footnotes:
 * - the structural pass (numbering and the paragraph walk) reads block nodes and inline
 *   node boundaries only: O(P + F + inline nodes), no text is scanned;
 * - the text rules run only on paragraphs that are re-analysed: those in `changedIds`, those
 *   not yet cached, and those whose text node is no longer the cached object (ProseMirror
 *   nodes are immutable and shared between versions, so an unchanged paragraph keeps its
 *   node and a stale cache entry cannot survive a missed id); cost O(their text length);
 * - the context rules (final punctuation from the paragraph's place, repeated openers from
 *   the paragraphs before it) are recomputed for every paragraph from the cached summaries:
 *   O(P), no text scanning.
 * So one keystroke in one paragraph costs O(P) cheap steps plus that paragraph's text.
 */
import type { Node } from 'prosemirror-model';
import { readHeader } from '../document/header.js';
import { computeNumbering, type Numbering } from '../document/numbering.js';
import { readNegotiationBase, type NegotiationBaseAttr } from '../negotiation/negotiation-base.js';
import { stableLabels } from '../negotiation/stable-numbering.js';
import { paragraphStructureKey, stableNumbering } from '../negotiation/stable-view.js';
import { brokenReferenceProblems } from './rules/cross-reference.js';
import { punctuationProblem } from './rules/punctuation.js';
import { repeatedOpenerProblems, type OpenerEntry } from './rules/repeated.js';
import { summarizeParagraph, type ParagraphSummary } from './summary.js';
import type { LocalProblem, StyleLanguage, StyleProblem } from './types.js';
import { collectUnits, type Unit } from './walk.js';

/** `applyFix(text, fix)`: a text with a fix's edits applied (see text.ts). */
export { applyFix } from './text.js';

/** An incremental checker; it keeps one cached summary per paragraph id between checks. */
export type StyleChecker = {
  /**
   * Every current problem of `doc`, in document order (a paragraph's problems by offset,
   * then those inside its footnotes). `changedIds` names paragraphs to re-analyse; omitted,
   * only paragraphs whose node changed since the last check are (see the module comment).
   * The result is always the full list, equal to `checkDocument(doc)`.
   */
  check(doc: Node, changedIds?: ReadonlySet<string>): StyleProblem[];
  /** Number of paragraphs re-analysed by the last `check` (for tests and benchmarks). */
  lastAnalysed(): number;
};

type Entry = { textNode: Node; kind: Unit['kind']; language: StyleLanguage; summary: ParagraphSummary };

// Russian texts follow the same final punctuation as English; Arabic and Chinese use their
// own marks (، ؛ and ，；。), which this rule does not know yet.
const punctuationLanguages = new Set<StyleLanguage>(['en', 'fr', 'es', 'ru']);

/** A new incremental checker with an empty cache. */
export function createStyleChecker(): StyleChecker {
  let cache = new Map<string, Entry>();
  let analysed = 0;
  // In negotiation, messages name paragraphs as the page does ("OP 5 bis"); the stable labels
  // are recomputed only when the base or the paragraph structure changed, as the editor's are.
  let stable: { attr: NegotiationBaseAttr; key: string; labels: Map<string, string> } | null = null;
  const numberingOf = (doc: Node): Numbering => {
    const fresh = computeNumbering(doc);
    const attr = readNegotiationBase(doc);
    if (!attr) return fresh;
    const key = paragraphStructureKey(doc);
    if (stable?.attr !== attr || stable.key !== key) stable = { attr, key, labels: stableLabels(doc, attr.numbers) };
    return stableNumbering(fresh, stable.labels);
  };
  const check = (doc: Node, changedIds?: ReadonlySet<string>): StyleProblem[] => {
    const language = readHeader(doc).language;
    const numbering = numberingOf(doc);
    const units = collectUnits(doc, numbering);
    const next = new Map<string, Entry>();
    const summaries: ParagraphSummary[] = [];
    analysed = 0;
    for (const unit of units) {
      const cached = unit.id === '' || next.has(unit.id) ? undefined : cache.get(unit.id);
      const fresh = cached && cached.textNode === unit.textNode && cached.kind === unit.kind && cached.language === language && !changedIds?.has(unit.id);
      const summary = fresh ? cached.summary : summarizeParagraph({ id: unit.id, textNode: unit.textNode, part: unit.part, language });
      if (!fresh) analysed++;
      if (unit.id !== '' && !next.has(unit.id)) next.set(unit.id, { textNode: unit.textNode, kind: unit.kind, language, summary });
      summaries.push(summary);
    }
    cache = next;
    const paths = new Map<string, string>();
    for (const entry of numbering.entries) if (entry.kind === 'footnote' && !paths.has(entry.id)) paths.set(entry.id, entry.path);
    for (const unit of units) if (!paths.has(unit.id)) paths.set(unit.id, unit.path);
    const pathOf = (id: string): string => paths.get(id) ?? 'Paragraph';
    const isTarget = (target: string): boolean => {
      const entry = numbering.byId.get(target);
      return entry !== undefined && entry.kind !== 'footnote';
    };
    return contextAndOutput(units, summaries, language, pathOf, isTarget);
  };
  return { check, lastAnalysed: () => analysed };
}

/** Every style problem of `doc`, in document order (a fresh checker, nothing cached). */
export function checkDocument(doc: Node): StyleProblem[] {
  return createStyleChecker().check(doc);
}

// `isTarget` says which ids a cross-reference may point to; a broken one is a context problem
// (deleting another paragraph breaks it), so it is checked here, from the cached atoms.
function contextAndOutput(units: Unit[], summaries: ParagraphSummary[], language: StyleLanguage, pathOf: (id: string) => string, isTarget: (id: string) => boolean): StyleProblem[] {
  const groups: Record<'pp' | 'op' | 'decision', OpenerEntry[]> = { pp: [], op: [], decision: [] };
  const extra = new Map<number, LocalProblem[]>();
  const add = (i: number, problem: LocalProblem): void => {
    const list = extra.get(i);
    if (list) list.push(problem);
    else extra.set(i, [problem]);
  };
  const indexOfId = new Map<string, number>();
  units.forEach((unit, i) => {
    const summary = summaries[i];
    if (!summary) return;
    if (!indexOfId.has(unit.id)) indexOfId.set(unit.id, i);
    if (unit.group) groups[unit.group].push({ id: unit.id, opener: summary.opener });
    if (unit.expected && !summary.empty && punctuationLanguages.has(language)) {
      const problem = punctuationProblem(unit.id, summary.ending, unit.expected, language);
      if (problem) add(i, problem);
    }
    for (const problem of brokenReferenceProblems(unit.id, summary.text, isTarget)) add(i, problem);
  });
  for (const group of Object.values(groups)) {
    for (const problem of repeatedOpenerProblems(group, language)) add(indexOfId.get(problem.paragraphId) ?? 0, problem);
  }
  const out: StyleProblem[] = [];
  units.forEach((unit, i) => {
    const own = summaries[i]?.problems ?? [];
    const added = extra.get(i) ?? [];
    const inParagraph = [...own.filter((p) => p.paragraphId === unit.id), ...added].sort((a, b) => a.from - b.from || a.rule.localeCompare(b.rule));
    const inFootnotes = own.filter((p) => p.paragraphId !== unit.id);
    for (const p of [...inParagraph, ...inFootnotes]) out.push(toProblem(p, pathOf));
  });
  return out;
}

function toProblem(local: LocalProblem, pathOf: (id: string) => string): StyleProblem {
  const { describe, fix, ...rest } = local;
  const problem: StyleProblem = { ...rest, message: describe(pathOf) };
  if (fix) problem.fix = fix;
  return problem;
}
