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
import { resolveProblem } from './fix.js';
import { hint } from './hint-text.js';
import { brokenReferenceProblems } from './rules/cross-reference.js';
import { importNoteProblems, importNotesOf, type ImportNote } from './rules/import-note.js';
import { arabicParticleProblem } from './rules/opener-language.js';
import { localMark, punctuationProblem } from './rules/punctuation.js';
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
  /**
   * After a change confined to the inline content of one checked paragraph's text node
   * (`textNode`, the new version; its footnotes and brackets included; no node added,
   * removed or changed anywhere else), re-analyses that paragraph alone. Returns its
   * problems, as `check` would list them, to take the place of its earlier ones (the full
   * list is then again equal to `checkDocument(doc)`); or null when the checker
   * cannot tell without a full `check` (no previous check, an id it does not know or saw
   * twice, or the paragraph's opener changed, which the repeated-opener rule reads in
   * other paragraphs), the checker then being unchanged. O(that paragraph's text).
   */
  recheckText(id: string, textNode: Node): StyleProblem[] | null;
  /** Number of paragraphs re-analysed by the last `check` (for tests and benchmarks). */
  lastAnalysed(): number;
};

// What `check` keeps for `recheckText`: the last check's paragraphs, their summaries, the
// repeated-opener problems by paragraph index, and what messages and references were resolved against (unchanged by a text-only edit).
type LastCheck = {
  units: Unit[];
  summaries: ParagraphSummary[];
  repeated: Map<number, LocalProblem[]>;
  indexOfId: Map<string, number>;
  language: StyleLanguage;
  pathOf: (id: string) => string;
  isTarget: (id: string) => boolean;
  notes: ReadonlyMap<string, ImportNote>;
  regions: Map<number, Region>;
};

/**
 * Where a paragraph stands towards an introduction: `introducer`, it ends with a colon that
 * introduces the paragraphs after it ("Adopts the following political declaration:",
 * "Resolves that:"); `introduced`, it comes after such a paragraph in the same part, so it
 * is text of what was introduced (a declaration's sentences, a budget's clauses) rather than
 * a paragraph of the resolution: it needs no opener and may end as a sentence ('.') or
 * introduce in turn (':') where a semicolon is due.
 */
type Region = { introducer: boolean; introduced: boolean };
const plain: Region = { introducer: false, introduced: false };

type Entry = { textNode: Node; kind: Unit['kind']; language: StyleLanguage; summary: ParagraphSummary };

// Russian texts follow the same final punctuation as English; Arabic and Chinese use their
// own marks (، ؛ and ，；。), see localMark in rules/punctuation.ts.
const punctuationLanguages = new Set<StyleLanguage>(['en', 'fr', 'es', 'ru', 'ar', 'zh']);

/** A new incremental checker with an empty cache. */
export function createStyleChecker(): StyleChecker {
  let cache = new Map<string, Entry>();
  let analysed = 0;
  let last: LastCheck | null = null;
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
    const notes = importNotesOf(doc);
    const regions = regionsOf(units, summaries);
    const { out, repeated } = contextAndOutput(units, summaries, language, pathOf, isTarget, notes, regions);
    const indexOfId = new Map<string, number>();
    const seen = new Set<string>();
    units.forEach((unit, i) => {
      if (seen.has(unit.id)) indexOfId.delete(unit.id);
      else indexOfId.set(unit.id, i);
      seen.add(unit.id);
    });
    last = { units, summaries, repeated, indexOfId, language, pathOf, isTarget, notes, regions };
    return out;
  };
  const recheckText = (id: string, textNode: Node): StyleProblem[] | null => {
    const i = last?.indexOfId.get(id);
    const unit = i === undefined ? undefined : last?.units[i];
    const before = i === undefined ? undefined : last?.summaries[i];
    if (!last || i === undefined || !unit || !before || id === '') return null;
    const { language, pathOf, isTarget, notes } = last;
    const summary = summarizeParagraph({ id, textNode, part: unit.part, language });
    if (JSON.stringify(summary.opener) !== JSON.stringify(before.opener) || summary.introduces !== before.introduces) return null;
    const region = last.regions.get(i) ?? plain;
    const problems = unitOutput(unit, summary, [...contextProblems(unit, summary, language, isTarget, notes, region), ...(last.repeated.get(i) ?? [])], pathOf, region);
    last.units[i] = { ...unit, textNode };
    last.summaries[i] = summary;
    cache.set(id, { textNode, kind: unit.kind, language, summary });
    analysed = 1;
    return problems;
  };
  return { check, recheckText, lastAnalysed: () => analysed };
}

/** Every style problem of `doc`, in document order (a fresh checker, nothing cached). */
export function checkDocument(doc: Node): StyleProblem[] {
  return createStyleChecker().check(doc);
}

// The context problems of one paragraph that depend on it alone once the structure is
// known: its final punctuation (from its place) and its broken cross-references. A broken
// reference is a context problem (deleting another paragraph breaks it), checked here from
// the cached atoms; `isTarget` says which ids a cross-reference may point to. So are the
// import notes on the paragraph or its footnotes (they live in the header).
function contextProblems(unit: Unit, summary: ParagraphSummary, language: StyleLanguage, isTarget: (id: string) => boolean, notes: ReadonlyMap<string, ImportNote>, region: Region): LocalProblem[] {
  const problems: LocalProblem[] = [];
  const expected = region.introducer ? { mark: ':' as const, reason: hint('reasons.introduces') } : unit.expected;
  const full = localMark('.', language);
  const sentence = (summary.declaration && summary.ending.mark === full) || (region.introduced && expected?.mark === ';' && (summary.ending.mark === full || summary.ending.mark === localMark(':', language)));
  if (expected && !summary.empty && !sentence && punctuationLanguages.has(language)) {
    const problem = punctuationProblem(unit.id, summary.ending, expected, language);
    if (problem) problems.push(problem);
  }
  // Arabic "إذ" / "وإذ" depends on the paragraph's place (the part's first or a later one).
  const particle = language === 'ar' && unit.kind === 'pp' && !summary.empty ? arabicParticleProblem(unit.id, summary.text.text, unit.first === true) : null;
  if (particle) problems.push(particle);
  problems.push(...brokenReferenceProblems(unit.id, summary.text, isTarget), ...importNoteProblems(unit.id, summary.text, notes));
  return problems;
}

// One paragraph's problems as `check` lists them: those in its text by offset (its own and
// `added` context ones), then those inside its footnotes.
function unitOutput(unit: Unit, summary: ParagraphSummary, added: LocalProblem[], pathOf: (id: string) => string, region: Region): StyleProblem[] {
  const own = region.introduced ? summary.problems.filter((p) => p.rule !== 'opener-unknown' && p.rule !== 'opener-kind') : summary.problems;
  const inParagraph = [...own.filter((p) => p.paragraphId === unit.id), ...added].sort((a, b) => a.from - b.from || a.rule.localeCompare(b.rule));
  const inFootnotes = own.filter((p) => p.paragraphId !== unit.id);
  return [...inParagraph, ...inFootnotes].map((p) => resolveProblem(p, pathOf));
}

// Every paragraph's context problems and the output in document order, with
// the repeated-opener problems by paragraph index.
function contextAndOutput(units: Unit[], summaries: ParagraphSummary[], language: StyleLanguage, pathOf: (id: string) => string, isTarget: (id: string) => boolean, notes: ReadonlyMap<string, ImportNote>, regions: Map<number, Region>): { out: StyleProblem[]; repeated: Map<number, LocalProblem[]> } {
  const groups: Record<'pp' | 'op' | 'decision', OpenerEntry[]> = { pp: [], op: [], decision: [] };
  const repeated = new Map<number, LocalProblem[]>();
  const indexOfId = new Map<string, number>();
  units.forEach((unit, i) => {
    const summary = summaries[i];
    if (!summary) return;
    if (!indexOfId.has(unit.id)) indexOfId.set(unit.id, i);
    if (unit.group) groups[unit.group].push({ id: unit.id, opener: summary.opener });
  });
  for (const group of Object.values(groups)) {
    for (const problem of repeatedOpenerProblems(group, language)) {
      const i = indexOfId.get(problem.paragraphId) ?? 0;
      const list = repeated.get(i);
      if (list) list.push(problem);
      else repeated.set(i, [problem]);
    }
  }
  const out: StyleProblem[] = [];
  units.forEach((unit, i) => {
    const summary = summaries[i];
    const region = regions.get(i) ?? plain;
    if (summary) out.push(...unitOutput(unit, summary, [...contextProblems(unit, summary, language, isTarget, notes, region), ...(repeated.get(i) ?? [])], pathOf, region));
  });
  return { out, repeated };
}

// The introducers and introduced paragraphs of each part (see `Region`). A paragraph
// introduces the ones after it when its colon is not due to subparagraphs of its own and it
// is not the part's last; everything after it in its part, subparagraphs included, is then
// introduced. O(P).
function regionsOf(units: Unit[], summaries: ParagraphSummary[]): Map<number, Region> {
  const regions = new Map<number, Region>();
  const open = new Set<string>();
  let parentIntroduced = false;
  units.forEach((unit, i) => {
    const summary = summaries[i];
    if (!summary) return;
    // Subparagraphs of an introduced paragraph are part of the introduced text too.
    if (!unit.group) {
      if (parentIntroduced && (unit.kind === 'sub' || unit.kind === 'subsub')) regions.set(i, { introducer: false, introduced: true });
      return;
    }
    const introduced = open.has(unit.group);
    parentIntroduced = introduced;
    const introducer = summary.introduces && (unit.expected?.mark === ';' || unit.expected?.mark === ',');
    if (introduced || introducer) regions.set(i, { introducer, introduced });
    if (introducer) open.add(unit.group);
  });
  return regions;
}

