/**
 * First pass over an AKN body (`mainBody`, `body`, an annex's content): a flat list of
 * items in document order, each a paragraph-like element with its label, its own runs and
 * its structural depth, or a heading, a preambular cross-heading, or text that has no
 * paragraph of its own (a table, a wrap-up, an unknown element). The walk is iterative.
 */
import type { Element } from '@xmldom/xmldom';
import { msg, type MessageValue } from '../../i18n/message.js';
import { child, childElements, descendants, nameOf, textOf, where } from './read-dom.js';
import { collectRuns, normalizeRuns, takeLeadingLabel, type Run } from './read-inline.js';
import { parseNum, type Label } from './read-labels.js';

/** One item of a body, in document order. */
export type Item =
  | { kind: 'paragraph'; depth: number; label: Label | null; runs: Run[]; where: string; labelText: string }
  | { kind: 'heading'; runs: Run[]; where: string }
  | { kind: 'recital'; runs: Run[]; where: string }
  | { kind: 'text'; runs: Run[]; where: string; why: MessageValue };

/** Paragraph-like elements: their own text is a paragraph, nested ones are sub-levels. */
const paragraphLike = new Set(['paragraph', 'point', 'subparagraph', 'item', 'alinea', 'indent', 'clause', 'subclause', 'rule', 'subrule']);
/** Elements that hold paragraph-like children one level down. */
const listLike = new Set(['list', 'sublist', 'blockList', 'blockContainer']);
/** Hierarchical containers: a number and heading (kept as heading text) over paragraphs. */
const hierarchy = new Set(['section', 'subsection', 'hcontainer', 'chapter', 'part', 'subpart', 'title', 'subtitle', 'division', 'book', 'tome', 'article', 'level', 'tblock', 'transitional', 'wrap']);
const headingNames = new Set(['num', 'heading', 'subheading']);
/** Elements below a paragraph kept as text of their own (placement joins them to a paragraph). */
const structuralText = new Set(['wrapUp', 'table', 'container', 'crossHeading']);
// Structural children left out of a paragraph's own runs (read as items or headings).
const notOwnRuns = new Set([...paragraphLike, ...listLike, ...hierarchy, 'num', 'heading', 'subheading', 'wrapUp', 'wrap', 'crossHeading', 'table', 'container']);

/** Walks `body`'s children (at nesting depth `startDepth`) into items; placement warns, not this. */
export function bodyItems(body: Element, startDepth = 1): Item[] {
  const items: Item[] = [];
  const stack: [Element, number][] = childElements(body).reverse().map((el) => [el, startDepth] as [Element, number]);
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number];
    const name = nameOf(el);
    const pushChildren = (els: Element[], d: number) => {
      for (let i = els.length - 1; i >= 0; i--) stack.push([els[i] as Element, d]);
    };
    if (paragraphLike.has(name)) {
      const sub = childElements(el);
      const headingRuns = headingOf(el);
      const numEl = child(el, 'num');
      const numText = textOf(numEl);
      const intros = sub.filter((c) => listLike.has(nameOf(c))).map((c) => child(c, 'intro') ?? child(c, 'listIntroduction')).filter((c): c is Element => c !== null);
      // A list's intro is its paragraph's text ("Requests the Secretary-General:").
      const ownRuns = normalizeRuns([...collectRuns(el, notOwnRuns), ...intros.slice(0, 1).flatMap((intro) => [{ text: ' ', italic: false }, ...collectRuns(intro)])]);
      const hasContent = ownRuns.length > 0 || sub.some((c) => listLike.has(nameOf(c)) || paragraphLike.has(nameOf(c)));
      const numLabel = numEl ? parseNum(numText) : null;
      if (!hasContent || numLabel?.kind === 'heading') {
        // A paragraph holding only a number and a heading is a heading of the text.
        const runs = numLabel?.kind === 'heading' ? [{ text: `${numText} `, italic: false }, ...headingRuns, ...ownRuns] : [...headingRuns, ...ownRuns];
        if (runs.length > 0) items.push({ kind: 'heading', runs, where: where(el) });
      } else {
        if (headingRuns.length > 0) items.push({ kind: 'heading', runs: headingRuns, where: where(el) });
        const typed = numEl ? { label: numLabel, runs: ownRuns, text: numText } : takeLeadingLabel(ownRuns);
        items.push({ kind: 'paragraph', depth, label: typed.label, runs: typed.runs, where: where(el), labelText: typed.text });
      }
      // Sub-levels may sit in the paragraph or inside its content (`content/blockList`, a
      // table in a `p`): every structural element below it, outside footnotes, is an item.
      const nested: Element[] = [];
      const look = [...sub].reverse();
      while (look.length > 0) {
        const c = look.pop() as Element;
        const n = nameOf(c);
        if (listLike.has(n)) {
          for (const g of childElements(c)) if (nameOf(g) !== 'intro' && nameOf(g) !== 'listIntroduction') nested.push(g);
        } else if (paragraphLike.has(n) || hierarchy.has(n) || structuralText.has(n)) nested.push(c);
        else if (!headingNames.has(n) && n !== 'authorialNote' && n !== 'note') {
          const kids = childElements(c);
          for (let k = kids.length - 1; k >= 0; k--) look.push(kids[k] as Element);
        }
      }
      pushChildren(nested, depth + 1);
      continue;
    }
    if (listLike.has(name)) {
      const intro = child(el, 'intro') ?? child(el, 'listIntroduction');
      if (intro) items.push({ kind: 'text', runs: collectRuns(intro), where: where(intro), why: msg('formats:akn.part.listIntro') });
      pushChildren(childElements(el).filter((c) => c !== intro), depth + (depth > 1 ? 0 : 1));
      continue;
    }
    if (hierarchy.has(name)) {
      const runs = headingOf(el);
      if (runs.length > 0) items.push({ kind: 'heading', runs, where: where(el) });
      // An act's article or section may hold its text directly: that text is a paragraph.
      const content = child(el, 'content') ?? child(el, 'intro');
      if (content) {
        const typed = takeLeadingLabel(collectRuns(content));
        items.push({ kind: 'paragraph', depth, label: typed.label, runs: typed.runs, where: where(content), labelText: typed.text });
      }
      pushChildren(childElements(el).filter((c) => !headingNames.has(nameOf(c)) && c !== content), depth);
      continue;
    }
    if (name === 'crossHeading' || name === 'subheading' || name === 'heading') {
      const runs = collectRuns(el);
      if (runs.length === 0) continue;
      const recital = /#preamble|recital/i.test(el.getAttribute('refersTo') ?? '');
      items.push(recital ? { kind: 'recital', runs, where: where(el) } : { kind: 'heading', runs, where: where(el) });
      continue;
    }
    if (name === 'p') {
      const typed = takeLeadingLabel(collectRuns(el));
      if (typed.runs.length > 0 || typed.label) items.push({ kind: 'paragraph', depth, label: typed.label, runs: typed.runs, where: where(el), labelText: typed.text });
      continue;
    }
    if (name === 'container' && descendants(el, 'table').length === 0 && childElements(el).every((c) => nameOf(c) === 'p')) {
      const typed = takeLeadingLabel(collectRuns(el));
      if (typed.runs.length > 0) items.push({ kind: 'paragraph', depth, label: typed.label, runs: typed.runs, where: where(el), labelText: typed.text });
      continue;
    }
    const table = name === 'table' || descendants(el, 'table').length > 0;
    const runs = table ? tableRuns(el) : collectRuns(el);
    if (runs.length > 0) items.push({ kind: 'text', runs, where: where(el), why: table ? msg('formats:akn.part.table') : name });
  }
  return items;
}

/** The number and heading of a container or paragraph as runs ("II Follow-up"). */
function headingOf(el: Element): Run[] {
  const parts: Run[] = [];
  for (const c of childElements(el)) {
    const n = nameOf(c);
    if (n === 'heading' || n === 'subheading' || (n === 'num' && !paragraphLike.has(nameOf(el)))) {
      if (parts.length > 0) parts.push({ text: ' ', italic: false });
      for (const run of collectRuns(c)) parts.push(run);
    }
  }
  return parts;
}

/** A table's rows as text: cells joined by " | ", rows by " / ", footnotes kept. */
export function tableRuns(el: Element): Run[] {
  const rows = descendants(el, 'tr');
  if (rows.length === 0) return collectRuns(el);
  const runs: Run[] = [];
  for (const [r, row] of rows.entries()) {
    if (r > 0) runs.push({ text: ' / ', italic: false });
    const cells = childElements(row).map((c) => collectRuns(c)).filter((c) => c.length > 0);
    for (const [i, cell] of cells.entries()) {
      if (i > 0) runs.push({ text: ' | ', italic: false });
      for (const run of cell) runs.push(run);
    }
  }
  return runs;
}
