/**
 * Second pass of the AKN reader: places body items (read-items.ts) in the resolution's
 * structure. The level of a paragraph comes from its label when it has one (a number is an
 * operative paragraph, a letter an (a)-level subparagraph, a numeral an (i)-level one; a
 * label that reads both ways, `(i)`, `v)`, is read as the label after it continues, the
 * rule of shared/import/label-sequence.ts: after `h)` an `i)` followed by `ii)` opens h)'s
 * roman list, one followed by `j)` is the ninth letter; when the next label says nothing, the
 * sequence that continues wins), else from its nesting. The DGACM files type their labels
 * in the text of flat paragraphs: nothing but the sequence tells an `i)` apart.
 * Headings and text that has no paragraph of its own are kept as text, each with a warning.
 */
import type { ChildSpec, ParagraphSpec } from '../../document/build.js';
import { msg, type Message } from '../../i18n/message.js';
import { readingOf, type LabelValues, type Reading } from '../../import/label-sequence.js';
import { normalizeRuns, runsText, toPieces, type Run } from './read-inline.js';
import type { Item } from './read-items.js';
import type { Label } from './read-labels.js';

/** A paragraph being built: its prefix (headings kept as text), own runs and sub-levels. */
export type Built = { prefix: Run[]; runs: Run[]; children: (Built | { list: Built[] })[]; kind?: Kind };

/** What a built paragraph is: a top paragraph, an (a)-level, an (i)-level, or a numbered list item. */
type Kind = 'top' | 'sub' | 'subsub' | 'item';
const holdsSub = (b: Built | undefined): b is Built => b?.kind === 'top' || b?.kind === 'item';
const holdsList = (b: Built | undefined): b is Built => b?.kind === 'top' || b?.kind === 'sub' || b?.kind === 'item';

/** The placed body: recitals found before any operative paragraph, and the top paragraphs. */
export type Placed = { recitals: Built[]; tops: Built[] };

type Level = 'top' | 'sub' | 'subsub' | 'list' | 'cont';

// Appends without spreading into arguments (a table can have more runs than a call takes).
function append(to: Run[], runs: readonly Run[]): void {
  for (const run of runs) to.push(run);
}

const excerpt = (runs: readonly Run[]): string => {
  const text = runsText(runs);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * Places `items`. In a decision the lettered paragraphs are the top level and numerals
 * their sub-level. `warn` receives one sentence per thing kept as text.
 */
export function placeItems(items: readonly Item[], decision: boolean, warn: (warning: Message) => void): Placed {
  const recitals: Built[] = [];
  const tops: Built[] = [];
  let top: Built | null = null;
  let sub: Built | null = null;
  let last: Built | null = null;
  let lastLetter = 0;
  let lastRoman = 0;
  let pending: Run[] = [];

  const chain: Built[] = [];
  const readings = readingsOf(items);
  const levelOf = (item: Extract<Item, { kind: 'paragraph' }>, reading: Reading): Level => {
    const label: Label | null = item.label;
    let kind = label?.kind;
    if (label && kind === 'ambiguous') {
      if (reading) kind = reading;
      else if (lastRoman > 0 && label.roman === lastRoman + 1) kind = 'roman';
      else if (label.value === lastLetter + 1) kind = 'letter';
      else kind = label.roman === 1 && (decision ? top : sub) ? 'roman' : 'letter';
    }
    if (kind === 'number') return item.depth > 1 && top ? 'list' : 'top';
    // In a decision the letters are the top level, except under a numbered list's item.
    const upKind = item.depth > 1 ? chain[item.depth - 1]?.kind : undefined;
    if (kind === 'letter') return decision && upKind !== 'item' ? 'top' : 'sub';
    if (kind === 'roman') return decision && upKind !== 'sub' ? 'sub' : 'subsub';
    if (item.depth >= 3) return decision ? 'sub' : 'subsub';
    if (item.depth === 2) return decision ? 'sub' : 'sub';
    const first = item.runs[0];
    // After a heading a section starts: its single paragraph is often unnumbered and, in
    // Chinese, without an italic opener.
    return !top || pending.length > 0 || (first !== undefined && 'text' in first && first.italic) ? 'top' : 'cont';
  };
  const make = (runs: Run[], kind?: Kind): Built => {
    const built: Built = { prefix: pending, runs, children: [], kind };
    pending = [];
    last = built;
    return built;
  };
  const setLetter = (item: Extract<Item, { kind: 'paragraph' }>) => {
    const label = item.label;
    lastLetter = label && (label.kind === 'letter' || label.kind === 'ambiguous') ? label.value : lastLetter + 1;
    lastRoman = 0;
  };

  for (const [index, item] of items.entries()) {
    if (item.kind === 'heading') {
      warn(msg('formats:akn.headingKept', { where: item.where, text: excerpt(item.runs) }));
      // A bare section number ("II", "أولا") and its heading read as one: "II Follow-up".
      if (pending.length > 0) pending.push({ text: /^\S{1,8}$/.test(runsText(pending).trim()) ? ' ' : ' — ', italic: false });
      append(pending, item.runs);
      continue;
    }
    if (item.kind === 'recital') {
      if (!top && !decision) {
        recitals.push(make(item.runs));
        continue;
      }
      warn(msg('formats:akn.lateRecital', { where: item.where, text: excerpt(item.runs) }));
      if (pending.length > 0) pending.push({ text: ' ', italic: false });
      append(pending, item.runs);
      continue;
    }
    if (item.kind === 'text') {
      if (last) {
        warn(msg('formats:akn.textAfter', { what: item.why, where: item.where }));
        const target: Built = last;
        append(target.runs, [{ text: ' ', italic: false }, ...item.runs]);
      } else {
        warn(msg('formats:akn.textBefore', { what: item.why, where: item.where }));
        append(pending, item.runs);
      }
      continue;
    }
    let level = levelOf(item, readings[index] ?? null);
    if (level === 'cont' && last) {
      warn(msg('formats:akn.unnumbered', { where: item.where, text: excerpt(item.runs) }));
      const target: Built = last;
      append(target.runs, [{ text: ' ', italic: false }, ...item.runs]);
      continue;
    }
    if ((level === 'sub' || level === 'list') && !top) {
      warn(msg('formats:akn.orphan', { where: item.where, text: excerpt(item.runs) }));
      level = 'top';
    }
    if (level === 'subsub' && !sub) {
      if (!top) level = 'top';
      else {
        warn(msg('formats:akn.orphanSub', { where: item.where, text: excerpt(item.runs) }));
        level = 'sub';
      }
    }
    // Structured input (list/point, sublist) says whose child an item is: the paragraph
    // one level up (chain[depth - 1]); flat input (DGACM's labelled paragraphs) has depth 1.
    const d = item.depth;
    const up = d > 1 ? chain[d - 1] : undefined;
    let built: Built;
    if (level === 'top' || level === 'cont') {
      built = top = make(item.runs, 'top');
      tops.push(top);
      sub = null;
      if (decision) setLetter(item);
      else {
        lastLetter = 0;
        lastRoman = 0;
      }
    } else if (level === 'sub') {
      const inItem = up?.kind === 'item';
      built = make(item.runs, decision && !inItem ? 'subsub' : 'sub');
      (inItem || (!decision && holdsSub(up)) ? (up as Built) : (top as Built)).children.push(built);
      if (decision && !inItem) {
        const label = item.label;
        lastRoman = label && label.kind !== 'letter' ? (label.roman ?? label.value) : lastRoman + 1;
      } else {
        sub = built;
        setLetter(item);
      }
    } else if (level === 'subsub') {
      built = make(item.runs, 'subsub');
      (up?.kind === 'sub' ? up : (sub as Built)).children.push(built);
      const label = item.label;
      lastRoman = label && label.kind !== 'letter' ? (label.roman ?? label.value) : lastRoman + 1;
    } else {
      const parent = holdsList(up) ? up : (sub ?? (top as Built));
      const tail = parent.children[parent.children.length - 1];
      built = make(item.runs, 'item');
      if (tail && 'list' in tail) tail.list.push(built);
      else parent.children.push({ list: [built] });
    }
    chain.length = d;
    chain[d] = built;
  }
  if (pending.length > 0) {
    const runs = pending;
    pending = [];
    if (last) {
      const target: Built = last;
      append(target.runs, [{ text: ' — ', italic: false }, ...runs]);
    } else tops.push(make(runs));
  }
  return { recitals, tops };
}

// What the next label says of each ambiguous one, by item index: one pass from the end,
// carrying the values of the next labelled paragraph (none past a number or a heading).
function readingsOf(items: readonly Item[]): Reading[] {
  const readings: Reading[] = [];
  let next: LabelValues | null = null;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item?.kind === 'heading') next = null;
    if (item?.kind !== 'paragraph' || !item.label) continue;
    const values = valuesOf(item.label);
    readings[i] = item.label.kind === 'ambiguous' && values ? readingOf(values, next) : null;
    next = values;
  }
  return readings;
}

function valuesOf(label: Label): LabelValues | null {
  if (label.kind === 'letter') return { letter: label.value, roman: null };
  if (label.kind === 'roman') return { letter: null, roman: label.value };
  if (label.kind === 'ambiguous') return { letter: label.value, roman: label.roman ?? null };
  return null;
}

/** A built paragraph as a build.ts spec: heading prefix first, then its own text with its opener. */
export function toSpec(built: Built): ParagraphSpec {
  const head = normalizeRuns(built.prefix);
  const prefix = runsText(head) !== '' ? [...toPieces(head, false), ' — '] : toPieces(head, false);
  const children: ChildSpec[] = built.children.map((c) => ('list' in c ? { list: c.list.map(toSpec) } : toSpec(c)));
  return { text: [...prefix, ...toPieces(normalizeRuns(built.runs), true)], children };
}
