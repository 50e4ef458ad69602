/**
 * Inline content of the Akoma Ntoso reader: the text of a `p`, `content`, heading or table
 * cell as runs of plain and italic text with footnotes (`authorialNote`) at their place,
 * whitespace normalized across runs, a typed label taken off the start, and the result as
 * the inline pieces of shared/document/build.ts (the first italic run is the opener).
 */
import type { Element, Node as XmlNode } from '@xmldom/xmldom';
import type { InlinePiece } from '../../document/build-inline.js';
import { isElement, isText, nameOf, normalizeSpace, rawText } from './read-dom.js';
import { asciiDigits, leadingLabel, type Label } from './read-labels.js';

/** A run of text (italic or not) or a footnote with its text. */
export type Run = { text: string; italic: boolean; emphasis?: boolean } | { footnote: string };

type TextRun = { text: string; italic: boolean; emphasis?: boolean };
const sameStyle = (a: TextRun, b: TextRun): boolean => a.italic === b.italic && !!a.emphasis === !!b.emphasis;

/** Inline elements whose text is italic: AKN4UN's `span class="italic"`, the guidelines' `<i>`. */
function italicElement(el: Element): boolean {
  const name = nameOf(el);
  if (name === 'i' || name === 'em') return true;
  return name === 'span' && /\bitalic\b/.test(el.getAttribute('class') ?? '');
}

/** Italics our writer marks as emphasis, never an opener: `span class="italic emphasis"`. */
function emphasisElement(el: Element): boolean {
  return nameOf(el) === 'span' && /\bemphasis\b/.test(el.getAttribute('class') ?? '');
}

// Elements that stand for a line or word break inside text.
const breaks = new Set(['eol', 'br', 'eop']);

/**
 * The runs of `el`'s content, in document order, without recursion. `authorialNote`
 * becomes a footnote (its text flattened); `skip` names child elements to leave out
 * (e.g. `num`, read separately).
 */
export function collectRuns(el: Element, skip: ReadonlySet<string> = new Set()): Run[] {
  const runs: Run[] = [];
  const stack: [XmlNode, boolean, boolean][] = [];
  for (let c = el.lastChild; c; c = c.previousSibling) stack.push([c, false, false]);
  while (stack.length > 0) {
    const [node, italic, emphasis] = stack.pop() as [XmlNode, boolean, boolean];
    if (isText(node)) {
      push(runs, { text: node.nodeValue ?? '', italic, emphasis });
      continue;
    }
    if (!isElement(node)) continue;
    const name = nameOf(node);
    if (skip.has(name)) continue;
    if (name === 'authorialNote' || name === 'note') {
      runs.push({ footnote: normalizeSpace(rawText(node)) });
      continue;
    }
    if (breaks.has(name)) {
      push(runs, { text: ' ', italic });
      continue;
    }
    const inner = italic || italicElement(node);
    const innerEmphasis = emphasis || emphasisElement(node);
    // Block children (several <p> in one content) are separated by a space.
    if (name === 'p' || name === 'td' || name === 'th') push(runs, { text: ' ', italic });
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, inner, innerEmphasis]);
  }
  return normalizeRuns(runs);
}

function push(runs: Run[], run: TextRun): void {
  const last = runs[runs.length - 1];
  if (last && 'text' in last && sameStyle(last, run)) last.text += run.text;
  else runs.push({ ...run });
}

/**
 * Collapses whitespace across runs (one space where runs meet), trims both ends, keeps a
 * space between italic and plain text on the plain side (openers carry no trailing space),
 * drops empty runs and merges neighbours of the same style.
 */
export function normalizeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  let last = ' ';
  for (const run of runs) {
    if ('footnote' in run) {
      out.push(run);
      continue;
    }
    let text = run.text.replace(/[\u200e\u200f]/g, '').replace(/[\s\u00a0]+/g, ' ');
    if (last === ' ' && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    const prev = out[out.length - 1];
    if (prev && 'text' in prev && sameStyle(prev, run)) prev.text += text;
    else if (prev && 'text' in prev && prev.italic && prev.text.endsWith(' ') && !run.italic) {
      prev.text = prev.text.slice(0, -1);
      out.push({ text: ` ${text}`, italic: false });
    } else out.push(run.emphasis ? { text, italic: run.italic, emphasis: true } : { text, italic: run.italic });
    last = text[text.length - 1] ?? last;
  }
  for (let i = out.length - 1; i >= 0; i--) {
    const run = out[i];
    if (!run || !('text' in run)) continue;
    run.text = run.text.trimEnd();
    if (run.text !== '') break;
  }
  return out.filter((r) => !('text' in r) || r.text !== '');
}

/** The plain text of runs (footnotes left out). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => ('text' in r ? r.text : '')).join('');
}

/**
 * Takes a typed label ("1 -", "(a)", "a)", "㈠") off the start of `runs`; returns the label
 * (null when there is none), the remaining runs, trimmed, and the label as typed.
 */
export function takeLeadingLabel(runs: Run[]): { label: Label | null; runs: Run[]; text: string } {
  const plain = runsText(runs);
  let found = leadingLabel(plain.slice(0, 24));
  const [first, second] = runs;
  // A number typed without its point before the opener ("36 <span italic>Se félicite</span>").
  const bare = first && 'text' in first && !first.italic ? /^([\d\u0660-\u0669]{1,3}) $/.exec(first.text) : null;
  if (!found && bare && second && 'text' in second && second.italic) {
    found = { label: { kind: 'number', value: Number(asciiDigits(bare[1] ?? '')) }, length: (bare[1] ?? '').length };
  }
  if (!found) return { label: null, runs, text: '' };
  let rest = found.length;
  const out: Run[] = [];
  for (const run of runs) {
    if (rest > 0 && 'text' in run) {
      const cut = Math.min(rest, run.text.length);
      rest -= cut;
      const text = run.text.slice(cut);
      if (text !== '') out.push({ ...run, text });
    } else out.push(run);
  }
  return { label: found.label, runs: normalizeRuns(out), text: plain.slice(0, found.length) };
}

/**
 * The runs as build.ts inline pieces: the italic runs that open the paragraph (footnotes
 * between them allowed) are the opener, unless marked as emphasis; other italic runs are
 * emphasis; footnotes keep their place.
 */
export function toPieces(runs: readonly Run[], withOpener = true): InlinePiece[] {
  let leading = withOpener;
  return runs.map((run) => {
    if ('footnote' in run) return { footnote: run.footnote };
    const opener = leading && run.italic && !run.emphasis;
    leading = opener;
    if (!run.italic) return run.text;
    return opener ? { text: run.text, opener: true } : { text: run.text, emphasis: true };
  });
}
