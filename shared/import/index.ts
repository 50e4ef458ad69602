/**
 * The plain-text importer: UN resolutions and decisions as they come out of PDFs, the UN
 * document system or the exporter (`exportText`), to ProseMirror documents of the
 * resolution schema. One document per resolution or decision found in the text.
 */
import type { Node } from 'prosemirror-model';
import { importResult, type FormatImportResult } from '../formats/types.js';
import { causeValue, type Message, type MessageValue, msg } from '../i18n/message.js';
import { buildDocumentNode } from './build-nodes.js';
import { toChunks, type Chunk } from './chunks.js';
import { placeholder, planFootnotes, type FootnotePlan } from './footnotes.js';
import { documentName, noteMovedFootnotes } from './import-notes.js';
import { altMarker, extraMarker, rewriteNegotiationLabels } from './negotiation-labels.js';
import { ImportError, normalizeText } from './normalize.js';
import { endsWithTerminal, isDecisionBodyLine, startsLowerCase } from './patterns.js';
import { opensPreamblePhrase } from './paragraph-start.js';
import { segmentDocuments, type DocumentChunks } from './segment.js';
import { lastReasons } from './reasons.js';
import { readStructure } from './structure.js';

export { ImportError } from './normalize.js';
export { detectOpener, type OpenerKind } from './openers.js';

/**
 * The documents found in a text, in order, and what the importer had to guess or drop: as
 * catalogue messages and their English sentences (see `FormatImportResult`).
 */
export type ImportResult = FormatImportResult;

/**
 * Imports every resolution and decision in `text`. Each document passes `node.check()`
 * and every paragraph-level node has a fresh id. Throws an `ImportError` (and nothing
 * else) when the text is empty or binary or holds no recognisable resolution or decision.
 */
export function importText(text: string): ImportResult {
  try {
    return importOrThrow(text);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(msg('formats:text.failed', { cause: causeValue(err) }), { cause: err });
  }
}

function importOrThrow(text: string): ImportResult {
  if (typeof text !== 'string') throw new ImportError(msg('formats:text.notText'));
  const warnings: Message[] = [];
  const normalized = rewriteNegotiationLabels(normalizeText(text));
  const chunks = toChunks(normalized);
  const found = segmentDocuments(chunks, warnings);
  if (found.length === 0) {
    throw new ImportError(msg('formats:text.noBodyLine'));
  }
  const contents = found.map((doc) => doc.content.map((chunk) => ({ ...chunk })));
  const plans = planFootnotes(contents, warnings);
  const documents: Node[] = [];
  const lineOf = lineFinder(normalized);
  const nameOf = (k: number): string => documentName(found[k]?.header.heading ?? '', k);
  found.forEach((doc, i) => {
    const content = contents[i] ?? [];
    const plan = plans[i] ?? { texts: new Map(), attach: [], moved: [] };
    try {
      const built = buildOne(doc, content, plan, warnings, i + 1, lineOf, nameOf);
      if (built) documents.push(built);
    } catch (err) {
      warnings.push(msg('formats:text.documentFailed', { n: i + 1, title: doc.title.slice(0, 60), cause: causeValue(err) }));
    }
  });
  if (documents.length === 0) throw new ImportError(msg('formats:text.noDocument', { reasons: lastReasons(warnings) }));
  return importResult(documents, capped(warnings));
}

function buildOne(doc: DocumentChunks, content: Chunk[], plan: FootnotePlan, warnings: Message[], index: number, lineOf: LineOf, nameOf: (index: number) => string): Node | null {
  attachMovedFootnotes(content, plan);
  // The structure rules go by the language the body line is written in: the Original line
  // may name the language a translation was made from ("Original: English" over a French text).
  const body = joinSplitParagraphs(content.filter((c) => c.kind === 'text' || c.kind === 'annex'), doc.bodyLanguage);
  const tree = readStructure(body, isDecisionBodyLine(doc.body), warnings);
  if (tree.kind === 'resolution' && tree.operative.length === 0) {
    warnings.push(msg('formats:text.noOperative', { n: index, title: doc.title.slice(0, 60) }));
    return null;
  }
  const used = new Set<number>();
  // The numbers of the footnotes made, in the order they were made (document order).
  const order: number[] = [];
  const footnote = (n: number): string | null => {
    if (used.has(n)) {
      warnings.push(msg('formats:footnotes.twice', { doc: index, n }));
      return null;
    }
    used.add(n);
    order.push(n);
    return plan.texts.get(n) ?? '';
  };
  const header = { ...doc.header, language: doc.header.language || doc.bodyLanguage };
  const warn = (where: MessageValue, problem: Message, near: string): void => {
    // Finding the line scans the text: only for the warnings that will be shown.
    const line = warnings.length < maxWarnings ? lineOf(near) : null;
    const values = { doc: index, where, problem, near: near.replace(/[\uE000-\uF8FF]/g, '') };
    warnings.push(line === null ? msg('formats:text.near', values) : msg('formats:text.nearLine', { ...values, line }));
  };
  const built = buildDocumentNode({ tree, header, title: doc.title, body: doc.body, footnote, warn });
  return noteMovedFootnotes(built, order, plan.moved, { own: nameOf(index - 1), of: nameOf }, warnings);
}

type LineOf = (near: string) => number | null;

// The 1-based line of `text` where `near` (a piece of a paragraph, whose spaces may have
// been line breaks in the input) occurs, or null when it cannot be found. Warnings come in
// text order, so the search starts where the previous one was found (from the start again
// only when it is not found after it), and lines are counted from there: a hundred warnings
// at the end of a long text do not each rescan it.
function lineFinder(text: string): LineOf {
  let from = 0;
  let line = 1;
  return (near) => {
    const words = near.split(/\s+/).filter((w) => w !== '' && !/[\uE000-\uF8FF]/.test(w));
    if (words.length === 0) return null;
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
    pattern.lastIndex = from;
    let match = pattern.exec(text);
    if (!match && from > 0) {
      pattern.lastIndex = 0;
      match = pattern.exec(text);
    }
    if (!match) return null;
    if (match.index < from) {
      from = 0;
      line = 1;
    }
    for (let i = text.indexOf('\n', from); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    from = match.index;
    return line;
  };
}

const maxWarnings = 100;

// Hostile input can cause a warning per line; the first ones tell the story.
function capped(warnings: Message[]): Message[] {
  if (warnings.length <= maxWarnings) return warnings;
  return [...warnings.slice(0, maxWarnings), msg('formats:text.moreWarnings', { more: warnings.length - maxWarnings })];
}

function startsNegotiated(text: string): boolean {
  return text.startsWith(altMarker) || text.startsWith(extraMarker);
}

// A short line without final punctuation is a heading ("II", "Our world today", "Redeployment"),
// not a piece of a paragraph cut by a page break: the piece before a break fills at least a
// line, and the piece after it ends the paragraph with its punctuation. Width counts a
// Chinese or full-width character as two, as a printed line holds half as many of them.
function isHeadingLine(text: string): boolean {
  let width = 0;
  for (const ch of text) {
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
    if (width >= headingWidth) return false;
  }
  return true;
}

const headingWidth = 40;

function startsMarked(text: string): boolean {
  return /^[*_][^\s*_]/.test(text);
}

// Footnotes whose marker is elsewhere go at the end of the text chunk before their text block.
function attachMovedFootnotes(content: Chunk[], plan: FootnotePlan): void {
  for (const { anchor, note } of plan.attach) {
    const target = anchor >= 0 ? content[anchor] : content.find((c) => c.kind === 'text');
    if (target) target.text += placeholder(note);
  }
}

// A paragraph cut by a page break or a footnote block continues in the next unlabelled
// chunk when it lacks terminal punctuation or the next chunk starts in lower case. The
// chunk right after an annex heading is the annex title and is never joined, nor is a chunk
// that opens with an emphasis marker ("*Recalling*", "_Note_:") or a preambular opener of
// the document's `language`: a paragraph begins so even when the one before lacks its comma
// (A/RES/74/11, 74/219, 74/218 and 74/280 as printed). The marked layout is the exporter's,
// a paragraph per line, where no page breaks cut paragraphs.
function joinSplitParagraphs(chunks: readonly Chunk[], language: string): Chunk[] {
  const out: Chunk[] = [];
  let titleAt = -1;
  // The last piece joined, not the growing text: reading a long concatenation flattens it each time.
  let tail = '';
  for (const chunk of chunks) {
    const last = out[out.length - 1];
    if (chunk.kind === 'annex') titleAt = out.length + 1;
    const joinable =
      last && last.kind === 'text' && out.length - 1 !== titleAt && chunk.kind === 'text' && chunk.label === null && !startsNegotiated(chunk.text) && !startsMarked(chunk.text) && !opensPreamblePhrase(chunk.text, language, tail);
    const cut = !endsWithTerminal(tail) && !isHeadingLine(tail) && !(isHeadingLine(chunk.text) && !endsWithTerminal(chunk.text));
    if (joinable && (cut || startsLowerCase(chunk.text))) last.text = `${last.text} ${chunk.text}`;
    else out.push(chunk);
    tail = chunk.text;
  }
  return out;
}
