/**
 * From raw text to chunks: one chunk per logical line of a UN text (a paragraph or a
 * piece of one, a footnote, a heading, a body line, a header line). Hard-wrapped PDF
 * lines are joined back, page headers and footers removed; paragraphs split by page
 * breaks stay separate chunks here and are joined per document later.
 */
import { isMetaLine, isPageArtifact, isSymbolLine } from './header-lines.js';
import { isBareBodyName } from './language-lines.js';
import { startsLikeParagraph } from './openers.js';
import {
  bodyLineLanguage,
  endsWithTerminal,
  isAnnexHeading,
  isDocumentHeading,
  isSectionHeading,
  isSuperscriptDigit,
  splitLabel,
  startsLowerCase,
  superscriptValue,
  type Label,
} from './patterns.js';

/** What a chunk is; 'text' chunks may carry a paragraph label. */
export type ChunkKind = 'text' | 'footnote' | 'heading' | 'section' | 'body' | 'annex' | 'meta';

/**
 * One logical line. `text` is without its label (text chunks) or its marker (footnote
 * chunks, whose number is `note`); `labelText` is that label as printed ("16.", "(أ)");
 * `indent` counts leading spaces of its first line.
 */
export type Chunk = { kind: ChunkKind; text: string; indent: number; label: Label | null; note: number; labelText?: string };

type Gap = 'none' | 'blank' | 'page';

type Wrap = { wrapped: boolean; width: number };

/** Splits normalized text (see `normalizeText`) into chunks, unwrapping hard-wrapped lines. */
export function toChunks(text: string): Chunk[] {
  const lines = text.split('\n');
  const wrap = detectWrap(lines);
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  let previous = '';
  let gap: Gap = 'none';
  for (const raw of lines) {
    const { line, view, indent } = visibleLine(raw);
    if (line === '') {
      if (gap === 'none') gap = 'blank';
      continue;
    }
    // In wrapped PDF text a symbol alone inside an unfinished paragraph is the page header ("E/2023/30").
    if (isPageArtifact(view) || (wrap.wrapped && open !== null && !endsWithTerminal(previous) && isSymbolLine(view))) {
      gap = 'page';
      continue;
    }
    const structural = classify(line, indent) ?? (view === line ? null : classify(view, indent));
    const continues = open !== null && continuesLine(open, previous, line, structural, gap, wrap);
    if (open && continues) {
      open.text = joinWrapped(open.text, previous, line);
    } else {
      const chunk = structural ?? { kind: 'text' as const, text: line, indent, label: null, note: 0 };
      chunks.push(chunk);
      open = chunk.kind === 'text' || chunk.kind === 'footnote' ? chunk : null;
    }
    previous = line;
    gap = 'none';
  }
  markBareBodyLines(chunks);
  return chunks;
}

/**
 * Marks as the body line a chunk that is a body name without its comma ("The General
 * Assembly") right before a paragraph numbered 1, as the UN prints it before an operative
 * part that has no preamble. Readers that build their chunks one paragraph at a time (Word)
 * call it once over the whole list.
 */
export function markBareBodyLines(chunks: Chunk[]): void {
  chunks.forEach((chunk, at) => {
    const next = chunks[at + 1];
    if (chunk.kind === 'text' && chunk.label === null && next?.label?.kind === 'number' && next.label.n === 1 && isBareBodyName(chunk.text)) chunk.kind = 'body';
  });
}

const formatChar = /[\p{Cf}]/u;
const formatChars = /\p{Cf}/gu;
const spaceChar = /\s/u;

// A line without the white space and invisible format characters (Unicode Cf: RLM, LRM,
// ALM, ZWJ, BOM...) at its edges; `view` is that line without any format character, what
// structure is matched on ("\u200FThe General Assembly," is a body line), while ordinary
// text keeps the characters inside it. `indent` counts the leading white space only.
// Plain loops: a trimming regex anchored at the end would rescan long runs of spaces.
function visibleLine(raw: string): { line: string; view: string; indent: number } {
  let start = 0;
  let indent = 0;
  while (start < raw.length) {
    const ch = raw.charAt(start);
    if (spaceChar.test(ch)) indent++;
    else if (!formatChar.test(ch)) break;
    start++;
  }
  let end = raw.length;
  while (end > start && (spaceChar.test(raw.charAt(end - 1)) || formatChar.test(raw.charAt(end - 1)))) end--;
  const line = raw.slice(start, end);
  return { line, view: formatChar.test(line) ? line.replace(formatChars, '') : line, indent };
}

// A structural line always starts a chunk of its own (unless it is really a wrapped
// continuation, see `continuesLine`); null for an ordinary text line.
function classify(line: string, indent: number): Chunk | null {
  const make = (kind: ChunkKind, text = line): Chunk => ({ kind, text, indent, label: null, note: 0 });
  if (isSuperscriptDigit(line.charAt(0))) {
    let end = 0;
    while (isSuperscriptDigit(line.charAt(end))) end++;
    if (end === line.length || line.charAt(end) === ' ') return { ...make('footnote', line.slice(end).trim()), note: superscriptValue(line.slice(0, end)) };
  }
  if (isDocumentHeading(line)) return make('heading');
  if (isAnnexHeading(line)) return make('annex');
  if (bodyLineLanguage(line)) return make('body');
  if (isSectionHeading(line)) return make('section');
  const labelled = splitLabel(line);
  if (labelled) return { ...make('text', labelled.rest), label: labelled.label, labelText: line.slice(0, line.length - labelled.rest.length).trim() };
  if (isMetaLine(line)) return make('meta');
  return null;
}

function continuesLine(open: Chunk, previous: string, line: string, structural: Chunk | null, gap: Gap, wrap: Wrap): boolean {
  if (!wrap.wrapped || gap === 'blank') return false;
  const long = previous.length >= wrap.width * 0.8;
  if (structural) {
    // A wrap can put "(a)" or "12." at the start of a line; a long unfinished line before it tells.
    return structural.kind === 'text' && open.kind === 'text' && long && !endsWithTerminal(previous);
  }
  if (open.kind === 'footnote') return gap === 'none' && long && !endsWithTerminal(previous);
  if (!endsWithTerminal(previous) || startsLowerCase(line)) return true;
  if (startsLikeParagraph(line) || (endsSentence(previous) && /^\p{Lu}/u.test(line))) return false;
  const firstWord = line.split(' ', 1)[0] ?? '';
  return previous.length + 1 + firstWord.length >= wrap.width * 0.9;
}

const abbreviations = new Set(['chap', 'sect', 'para', 'paras', 'no', 'nos', 'rev', 'add', 'corr', 'suppl', 'vol', 'p', 'pp', 'art', 'arts', 'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'co', 'distr', 'op', 'cit', 'ibid']);

// A full stop or semicolon that ends a paragraph rather than an abbreviation ("chap.", "No.", "A.").
function endsSentence(line: string): boolean {
  const match = /(\S*)([.;])[”"’)\]]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$/u.exec(line.slice(-60));
  if (!match) return false;
  const word = (match[1] ?? '').replace(/^[(“"‘]+/, '').toLowerCase();
  return match[2] === ';' || (!abbreviations.has(word) && !/^\p{L}$/u.test(word));
}

// Joins a wrapped line to the text before it: a word broken after its hyphen is rejoined
// without a space ("multi-" + "stakeholder"), any other break becomes one space.
// `previous` is the last line of `before`: reading the growing text itself would flatten it each time.
function joinWrapped(before: string, previous: string, line: string): string {
  return /\p{L}-$/u.test(previous) ? before + line : `${before} ${line}`;
}

// Hard-wrapped text has most of its lines close to one width (the 95th percentile of
// line lengths), and many lines directly followed by a plain continuation line; text with
// a paragraph per line, or the exporter's layout, has no such width or no such lines.
function detectWrap(lines: readonly string[]): Wrap {
  const trimmed = lines.map((l) => visibleLine(l).view);
  const lengths = trimmed.map((l) => l.length).filter((n) => n >= 20);
  if (lengths.length < 4) return { wrapped: false, width: 0 };
  let followed = 0;
  trimmed.forEach((line, i) => {
    const next = trimmed[i + 1] ?? '';
    if (line.length >= 20 && next !== '' && !isPageArtifact(next) && classify(next, 0) === null) followed++;
  });
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.95)] ?? 0;
  const near = lengths.filter((n) => n >= width * 0.75).length;
  const wrapped = width >= 40 && width <= 150 && near >= lengths.length * 0.3 && followed >= lengths.length * 0.2;
  return { wrapped, width };
}
