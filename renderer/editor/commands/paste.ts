import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { ImportError, importText } from '../../../shared/import/index.js';
import type { EditorView } from 'prosemirror-view';
import { afterPaint, insertInBatches, largePasteChars, pasteBatchSize, showPasteNotice, withId } from './large-paste.js';
import { clearBody, wholeBodyRange } from './paste-document.js';
import { convertTo, cursorInParagraph, isEmptyParagraph, replaceNodes, typeOf } from './structure.js';
import { i18n, t } from '../../i18n/index.js';

/**
 * Paste of UN text: a pasted run of paragraphs (plain text, or the text of pasted HTML from
 * Word or a browser) goes through the importer, so preambular paragraphs land in the
 * preamble and numbered ones in the operative part, with their subparagraphs and
 * footnotes. A single line stays an ordinary text paste.
 */

/** The paste plugin's key. */
export const structuredPasteKey = new PluginKey('structuredPaste');

/**
 * The paragraphs the importer read from a pasted text: preambular and operative (with their
 * children), and the title when the text was a whole resolution with its own title.
 */
export type PastedParagraphs = { preambular: Node[]; operative: Node[]; title?: Node };

// The importer needs a title and an authoring body line to recognise a resolution; pasted
// paragraphs usually come without them. A closing OP is added only when the importer would
// otherwise drop a text with no operative paragraph, and removed again. Neither is ever shown.
// i18n-ignore: input for the importer (a title and an English body line it recognises), never shown
const wrapper = 'Pasted text\n\nThe General Assembly,\n\n';
// i18n-ignore: a closing paragraph for the importer, removed again before anything is shown
const closingText = 'Penholder pasted text ends here.';

/** True when `text` holds more than one non-empty line: it is pasted as paragraphs. */
export function isMultiParagraph(text: string): boolean {
  let lines = 0;
  for (const line of text.split('\n')) if (line.trim() !== '' && ++lines > 1) return true;
  return false;
}

/** Reads pasted text as resolution paragraphs; null when the importer finds none. */
export function readPastedParagraphs(text: string): PastedParagraphs | null {
  const attempts = [text, wrapper + text, `${wrapper}${text}\n\n1. ${closingText}`];
  for (const attempt of attempts) {
    try {
      const doc = importText(attempt).documents[0];
      if (doc) return collect(doc, attempt === text);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
    }
  }
  return null;
}

function collect(doc: Node, titled: boolean): PastedParagraphs {
  const out: PastedParagraphs = { preambular: [], operative: [] };
  doc.forEach((part) => {
    if (titled && part.type.name === 'title') out.title = part;
    if (part.type.name === 'preamble') part.forEach((p) => out.preambular.push(p));
    if (part.type.name === 'operative' || part.type.name === 'decision_body') part.forEach((p) => out.operative.push(p));
  });
  const last = out.operative[out.operative.length - 1];
  if (last && last.textContent === closingText) out.operative.pop();
  return out;
}

/**
 * The transaction that pastes `text` at the selection of `state` as paragraphs, or null when
 * it should be an ordinary paste (one line, the cursor outside the preamble and operative
 * part, or nothing the importer recognises). Preambular paragraphs go after the current PP
 * (or at the end of the preamble), operative ones after the current OP (or at the start of
 * the operative part); an empty current paragraph is replaced. Unnumbered paragraphs pasted
 * into the operative part that do not end with a comma (not preambular) become OPs.
 */
export function pasteParagraphs(state: EditorState, text: string): Transaction | null {
  return planPaste(state, text)?.tr ?? null;
}

/** Paragraphs still to insert after a first batch: `nodes`, in order, right after the paragraph `afterId`. */
export type PasteRest = { afterId: string; nodes: Node[] };

/**
 * A paste in steps: `tr` inserts what `pasteParagraphs` would, but at most `firstBatch`
 * preambular and `firstBatch` operative paragraphs (`first` in all); `rests` holds the
 * others, each run to go right after the last paragraph of its kind that `tr` inserted.
 * Null as for `pasteParagraphs`.
 */
export function planPaste(state: EditorState, text: string, firstBatch = Infinity): { tr: Transaction; first: number; rests: PasteRest[] } | null {
  if (!isMultiParagraph(text)) return null;
  const tr = state.tr;
  const whole = wholeBodyRange(state);
  let pasted = whole ? readPastedParagraphs(text) : null;
  // Over the whole text, ProseMirror's own paste would keep the first line as the title and drop the rest.
  if (whole) {
    if (!pasted || pasted.preambular.length + pasted.operative.length === 0) return null;
    if (!clearBody(tr, whole, pasted.preambular.length > 0, pasted.title)) return null;
  } else if (!state.selection.empty) tr.deleteSelection();
  const $from = tr.selection.$from;
  if ($from.depth < 3) return null;
  const part = $from.node(1);
  if (!['preamble', 'operative', 'decision_body'].includes(part.type.name)) return null;
  pasted ??= readPastedParagraphs(text);
  if (!pasted || pasted.preambular.length + pasted.operative.length === 0) return null;
  let { preambular, operative } = pasted;
  if (part.type.name === 'decision_body') {
    operative = [...preambular, ...operative];
    preambular = [];
  } else if (part.type.name === 'operative' && operative.length === 0 && !preambular.every((p) => p.child(0).textContent.trimEnd().endsWith(','))) {
    operative = preambular;
    preambular = [];
  }
  const targetType = typeOf(part.type.name === 'decision_body' ? 'decision_paragraph' : 'operative_paragraph');
  const ops = operative.map((p) => (p.type === targetType ? p : convertTo(p, targetType)));
  const pps = preambular.map((p) => convertTo(p, typeOf('preambular_paragraph')));
  if (ops.some((p) => !p) || pps.some((p) => !p)) return null;
  const rests: PasteRest[] = [];
  for (const list of [pps as Node[], ops as Node[]]) {
    if (list.length <= firstBatch) continue;
    const rest = list.splice(firstBatch);
    list[firstBatch - 1] = withId(list[firstBatch - 1]!);
    rests.push({ afterId: String(list[firstBatch - 1]!.attrs.id), nodes: rest });
  }
  const at = { part, partPos: $from.before(1), anchor: $from.node(2), anchorPos: $from.before(2) };
  const inserted = insertParagraphs(tr, at, pps as Node[], ops as Node[]);
  return inserted ? { tr: inserted, first: pps.length + ops.length, rests } : null;
}

type Anchor = { part: Node; partPos: number; anchor: Node; anchorPos: number };

// Positions are planned in `tr.doc` and mapped through the steps added here, in document order.
function insertParagraphs(tr: Transaction, at: Anchor, pps: Node[], ops: Node[]): Transaction | null {
  const replaceAnchor = isEmptyParagraph(at.anchor);
  const anchorEnd = at.anchorPos + at.anchor.nodeSize;
  const plans: { from: number; to: number; nodes: Node[] }[] = [];
  const here = (nodes: Node[]) => plans.push({ from: replaceAnchor ? at.anchorPos : anchorEnd, to: anchorEnd, nodes });
  if (at.part.type.name === 'preamble') {
    if (pps.length) here(pps);
    const operativeStart = at.partPos + at.part.nodeSize + 1;
    // A new document's lone empty OP gives way to the pasted ones.
    const operative = tr.doc.nodeAt(operativeStart - 1);
    const lone = operative?.childCount === 1 && operative.firstChild && isEmptyParagraph(operative.firstChild);
    const loneEnd = lone ? operativeStart + (operative.firstChild?.nodeSize ?? 0) : operativeStart;
    if (ops.length) plans.push({ from: operativeStart, to: loneEnd, nodes: ops });
  } else {
    const preamble = tr.doc.resolve(at.partPos).nodeBefore;
    if (pps.length && preamble?.type.name === 'preamble') plans.push({ from: at.partPos - 1, to: at.partPos - 1, nodes: pps });
    if (ops.length) here(ops);
  }
  if (plans.length === 0) return null;
  const firstStep = tr.steps.length;
  let lastPos = -1;
  for (const plan of plans) {
    const mapping = tr.mapping.slice(firstStep);
    const from = mapping.map(plan.from, -1);
    if (!replaceNodes(tr, from, mapping.map(plan.to, 1), plan.nodes)) return null;
    const last = plan.nodes[plan.nodes.length - 1];
    lastPos = from + plan.nodes.reduce((size, n) => size + n.nodeSize, 0) - (last?.nodeSize ?? 0);
  }
  const lastNode = tr.doc.nodeAt(lastPos);
  return cursorInParagraph(tr, lastPos, lastNode?.firstChild?.content.size ?? 0).scrollIntoView();
}

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * Plain text of pasted HTML, one line per block element (what Word and browsers put on the
 * clipboard). A `<sup>` holding only a number (a footnote marker) becomes superscript digits
 * and an item of an ordered list gets its number, as the importer reads them in UN text.
 */
export function htmlToText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const lines: string[] = [];
  let line = '';
  const blocks = /^(P|DIV|LI|H[1-6]|TR|BR|BLOCKQUOTE|SECTION|ARTICLE|TABLE|UL|OL)$/;
  const walk = (node: globalThis.Node) => {
    if (node.nodeType === 3) line += node.textContent ?? '';
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const marker = element.tagName === 'SUP' ? (element.textContent ?? '').trim() : '';
    if (/^\d{1,3}$/.test(marker)) {
      line += [...marker].map((d) => superscriptDigits[Number(d)]).join('');
      return;
    }
    const isBlock = blocks.test(element.tagName);
    if (isBlock) flush();
    if (element.tagName === 'LI' && element.parentElement?.tagName === 'OL') line += `${listNumber(element)}. `;
    node.childNodes.forEach(walk);
    if (isBlock) flush();
  };
  const flush = () => {
    if (line.trim()) lines.push(line);
    line = '';
  };
  walk(body);
  flush();
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n');
}

// The number a browser shows for an item of an ordered list (its `start` and `value` honoured).
function listNumber(item: Element): number {
  const list = item.parentElement as HTMLOListElement;
  let n = list.start || 1;
  for (const sibling of Array.from(list.children)) {
    if (sibling.tagName !== 'LI') continue;
    const value = Number(sibling.getAttribute('value'));
    if (value) n = value;
    if (sibling === item) return n;
    n += 1;
  }
  return n;
}

/**
 * The text to paste from the clipboard: the plain text, except where the HTML marks
 * footnote markers with `<sup>` (a browser's or Word's plain text writes them as ordinary
 * digits, "Justice,1", which would stay in the text and lose the footnotes), or where there
 * is no plain text.
 */
export function clipboardText(plain: string, html: string): string {
  const markers = /<sup\b[^>]*>\s*(?:<[^>]+>\s*)*\d{1,3}\s*(?:<[^>]+>\s*)*<\/sup>/i;
  if (html && (plain.trim() === '' || markers.test(html))) return htmlToText(html);
  return plain;
}

/** The plugin that routes multi-paragraph pastes through `pasteParagraphs`. */
export function structuredPastePlugin(): Plugin {
  return new Plugin({
    key: structuredPasteKey,
    props: {
      handlePaste(view, event) {
        const data = event.clipboardData;
        if (!data) return false;
        const text = clipboardText(data.getData('text/plain'), data.getData('text/html'));
        const normalized = text.replace(/\r\n?/g, '\n');
        if (normalized.length > largePasteChars && isMultiParagraph(normalized)) {
          void pasteLarge(view, normalized);
          return true;
        }
        const tr = pasteParagraphs(view.state, normalized);
        if (!tr) return false;
        view.dispatch(tr.setMeta('paste', true).setMeta('uiEvent', 'paste'));
        return true;
      },
    },
  });
}

/**
 * A large paste in steps (see large-paste.ts): a notice first, then the importer, then the
 * paragraphs in batches with the count shown. When the importer recognises no paragraphs
 * the text goes in as plain text, so a paste is never lost.
 */
export async function pasteLarge(view: EditorView, text: string): Promise<void> {
  const notice = showPasteNotice(view);
  const size = Math.round(text.length / 1024).toLocaleString(i18n.language);
  notice.update(t('editor:paste.reading', { size }));
  try {
    await afterPaint();
    if (view.isDestroyed) return;
    const plan = planPaste(view.state, text, pasteBatchSize);
    if (!plan) {
      view.dispatch(view.state.tr.insertText(text).scrollIntoView());
      return;
    }
    view.dispatch(plan.tr.setMeta('paste', true).setMeta('uiEvent', 'paste'));
    const total = plan.rests.reduce((sum, rest) => sum + rest.nodes.length, plan.first);
    let done = plan.first;
    const show = () => notice.update(t('editor:paste.progress', { done: done.toLocaleString(i18n.language), total: total.toLocaleString(i18n.language) }));
    show();
    for (const rest of plan.rests) {
      const before = done;
      await insertInBatches(view, rest.afterId, rest.nodes, (inserted) => {
        done = before + inserted;
        show();
      });
    }
  } finally {
    notice.remove();
  }
}
