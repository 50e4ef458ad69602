/**
 * The paragraphs of a WordprocessingML story (the body, or one footnote) as pieces of
 * text with their run-level facts: italic (direct, character style, paragraph style),
 * footnote references, and the tracked change each piece lies in (`w:ins`/`w:moveTo`
 * inserted, `w:del`/`w:moveFrom` deleted, both when an insertion was deleted later). Text
 * inside hyperlinks, simple and complex fields (the result, never the instruction), content
 * controls, smart tags and custom XML is kept. Comments are collected with the text they
 * anchor. What cannot be placed (drawings, embedded objects, hidden text) is said in a warning.
 */
import type { Element } from '@xmldom/xmldom';
import { msg, type Message, type MessageValue } from '../../i18n/message.js';
import { elements, isW, onOff, wAttr, wChild } from './ooxml-read.js';
import type { Styles } from './read-styles.js';

/** One tracked change: `id` is unique in the document, `kind` is what it does to its text. */
export type Change = { id: number; kind: 'ins' | 'del'; author: string; date: string };

/** A piece of a paragraph: text (with italic) or a note reference, and the changes around it. */
export type Piece = ({ text: string; italic: boolean } | { note: string }) & { ins: Change | null; del: Change | null };

/** A paragraph as Word stores it: its pieces, its mark's revision, its style and numbering. */
export type DocxParagraph = {
  pieces: Piece[];
  markIns: Change | null;
  markDel: Change | null;
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  /** 1-based position among the story's paragraphs, for warnings. */
  index: number;
};

/**
 * What the reader leaves out or keeps another way, each a key under `formats:docx.skip`
 * ("tables read cell by cell, each cell paragraph as a paragraph").
 */
export type Skipped = 'tables' | 'altChunk' | 'formatChanges' | 'drawings' | 'equations' | 'hiddenText' | 'pictures';

/** Reader state shared by the stories of one document (change ids, counts, comments, warnings). */
export type BodyState = {
  styles: Styles;
  warnings: Message[];
  nextChangeId: number;
  /** Counting on: only the body's changes count (see `TrackedChangeCounts`). */
  counting: boolean;
  insertions: number;
  deletions: number;
  authors: string[];
  markAuthors: string[];
  /** Comment ids in the order their anchors end, with the text they anchor. */
  anchors: Map<string, string>;
  open: Set<string>;
  /** What was not kept as text (or kept another way), by kind, with how often: said once each. */
  skipped: Map<Skipped, number>;
};

type Context = { ins: Change | null; del: Change | null; para: DocxParagraph; pStyle: string | null };

// Complex fields: between begin and separate is the instruction (dropped), then the result.
type Field = { result: boolean };

/** A fresh reader state. */
export function newBodyState(styles: Styles): BodyState {
  return { styles, warnings: [], nextChangeId: 1, counting: true, insertions: 0, deletions: 0, authors: [], markAuthors: [], anchors: new Map(), open: new Set(), skipped: new Map() };
}

/** The paragraphs of the block-level container `root` (w:body, w:footnote ...), in order. */
export function readParagraphs(root: Element, state: BodyState): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const fields: Field[] = [];
  const walk = (el: Element): void => {
    for (const child of elements(el)) {
      if (isW(child, 'p')) out.push(readParagraph(child, state, fields, out.length + 1));
      else if (isW(child, 'tbl')) {
        skip(state, 'tables');
        for (const row of elements(child)) if (isW(row, 'tr')) for (const cell of elements(row)) if (isW(cell, 'tc')) walk(cell);
      } else if (isW(child, 'sdt')) {
        const content = wChild(child, 'sdtContent');
        if (content) walk(content);
      } else if (isW(child, 'customXml') || isW(child, 'ins') || isW(child, 'del') || isW(child, 'moveTo') || isW(child, 'moveFrom')) walk(child);
      else if (isW(child, 'altChunk')) skip(state, 'altChunk');
    }
  };
  walk(root);
  return out;
}

/** A change's author as a warning names them: as written, or "an unnamed author" in the interface's words. */
export function authorName(author: string): MessageValue {
  return author === '' ? msg('formats:docx.unnamedAuthor') : author;
}

function skip(state: BodyState, what: Skipped): void {
  state.skipped.set(what, (state.skipped.get(what) ?? 0) + 1);
}

function change(el: Element, kind: 'ins' | 'del', state: BodyState): Change {
  return { id: state.nextChangeId++, kind, author: wAttr(el, 'author') ?? '', date: wAttr(el, 'date') ?? '' };
}

function addAuthor(list: string[], author: string): void {
  if (!list.includes(author)) list.push(author);
}

function holdsText(el: Element): boolean {
  for (const local of ['t', 'delText']) {
    const found = el.getElementsByTagNameNS(el.namespaceURI ?? '', local);
    for (let i = 0; i < found.length; i++) if ((found.item(i)?.textContent ?? '') !== '') return true;
  }
  return false;
}

function readParagraph(p: Element, state: BodyState, fields: Field[], index: number): DocxParagraph {
  const pPr = wChild(p, 'pPr');
  const numPr = wChild(pPr, 'numPr');
  const markRpr = wChild(pPr, 'rPr');
  if (wChild(pPr, 'pPrChange')) skip(state, 'formatChanges');
  const ilvl = wAttr(wChild(numPr, 'ilvl'), 'val');
  const para: DocxParagraph = {
    pieces: [],
    markIns: null,
    markDel: null,
    styleId: wAttr(wChild(pPr, 'pStyle'), 'val'),
    numId: wAttr(wChild(numPr, 'numId'), 'val'),
    ilvl: ilvl === null ? null : Number(ilvl) || 0,
    index,
  };
  for (const [local, kind] of [['ins', 'ins'], ['moveTo', 'ins'], ['del', 'del'], ['moveFrom', 'del']] as const) {
    const el = wChild(markRpr, local);
    if (!el) continue;
    const made = change(el, kind, state);
    if (kind === 'ins') para.markIns = made;
    else para.markDel = made;
    if (state.counting) addAuthor(state.markAuthors, made.author);
  }
  inline(p, { ins: null, del: null, para, pStyle: para.styleId }, state, fields);
  return para;
}

function inline(el: Element, ctx: Context, state: BodyState, fields: Field[]): void {
  for (const child of elements(el)) {
    const local = child.localName ?? '';
    if (!isW(child, local)) {
      if (local === 'AlternateContent' || local === 'oMath' || local === 'oMathPara') skip(state, local === 'AlternateContent' ? 'drawings' : 'equations');
      continue;
    }
    if (local === 'r') run(child, ctx, state, fields);
    else if (local === 'ins' || local === 'moveTo' || local === 'del' || local === 'moveFrom') {
      const kind = local === 'ins' || local === 'moveTo' ? 'ins' : 'del';
      const made = change(child, kind, state);
      if (state.counting && holdsText(child)) {
        if (kind === 'ins') state.insertions++;
        else state.deletions++;
        addAuthor(state.authors, made.author);
      }
      inline(child, kind === 'ins' ? { ...ctx, ins: made } : { ...ctx, del: made }, state, fields);
    } else if (local === 'hyperlink' || local === 'smartTag' || local === 'customXml' || local === 'fldSimple' || local === 'dir' || local === 'bdo') {
      inline(child, ctx, state, fields);
    } else if (local === 'sdt') {
      const content = wChild(child, 'sdtContent');
      if (content) inline(content, ctx, state, fields);
    } else if (local === 'commentRangeStart') {
      const id = wAttr(child, 'id') ?? '';
      state.open.add(id);
      if (!state.anchors.has(id)) state.anchors.set(id, '');
    } else if (local === 'commentRangeEnd') state.open.delete(wAttr(child, 'id') ?? '');
  }
}

function run(r: Element, ctx: Context, state: BodyState, fields: Field[]): void {
  const rPr = wChild(r, 'rPr');
  if (wChild(rPr, 'rPrChange')) skip(state, 'formatChanges');
  if (onOff(wChild(rPr, 'vanish')) === true || onOff(wChild(rPr, 'webHidden')) === true) {
    skip(state, 'hiddenText');
    return;
  }
  const italic = onOff(wChild(rPr, 'i')) ?? state.styles.runItalic(wAttr(wChild(rPr, 'rStyle'), 'val')) ?? state.styles.paragraphItalic(ctx.pStyle);
  const inInstruction = () => fields.some((f) => !f.result);
  const add = (text: string) => {
    if (text === '' || inInstruction()) return;
    ctx.para.pieces.push({ text, italic, ins: ctx.ins, del: ctx.del });
    for (const id of state.open) state.anchors.set(id, (state.anchors.get(id) ?? '') + text);
  };
  for (const child of elements(r)) {
    const local = child.localName ?? '';
    if (!isW(child, local)) {
      if (local === 'AlternateContent') skip(state, 'drawings');
      continue;
    }
    switch (local) {
      case 't':
      case 'delText':
        add(child.textContent ?? '');
        break;
      case 'tab':
      case 'ptab':
      case 'br':
      case 'cr':
        add(' ');
        break;
      case 'noBreakHyphen':
        add('\u2011');
        break;
      case 'sym': {
        const code = parseInt(wAttr(child, 'char') ?? '', 16);
        if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) add(String.fromCodePoint(code));
        break;
      }
      case 'fldChar': {
        const type = wAttr(child, 'fldCharType');
        if (type === 'begin') fields.push({ result: false });
        else if (type === 'separate') {
          const last = fields[fields.length - 1];
          if (last) last.result = true;
        } else if (type === 'end') fields.pop();
        break;
      }
      case 'footnoteReference':
      case 'endnoteReference':
        if (!inInstruction()) ctx.para.pieces.push({ note: `${local === 'footnoteReference' ? 'f' : 'e'}:${wAttr(child, 'id') ?? ''}`, ins: ctx.ins, del: ctx.del });
        break;
      case 'drawing':
      case 'pict':
      case 'object':
        skip(state, 'pictures');
        break;
      default:
        break;
    }
  }
}
