/**
 * The styles of a Word document (styles.xml) as far as the reader needs them: italics
 * (the opener's mark) and numbering carried by a paragraph style, each resolved through
 * the `basedOn` chain, the default paragraph style and the document defaults.
 */
import type { Element } from '@xmldom/xmldom';
import { onOff, wAttr, wChild, wChildren } from './ooxml-read.js';

type Style = { type: string; basedOn: string | null; italic: boolean | null; numId: string | null; ilvl: number | null };

/** The styles of one document, queried by style id. */
export type Styles = {
  /** Italic from the paragraph style `id` (null: the default paragraph style) and its chain, then the defaults. */
  paragraphItalic: (id: string | null) => boolean;
  /** Italic set by the character style `id` and its chain, or null when none of them sets it. */
  runItalic: (id: string | null) => boolean | null;
  /** The numbering (numId, ilvl or null) a paragraph style `id` carries through its chain, or null. */
  numbering: (id: string | null) => { numId: string; ilvl: number | null } | null;
};

// Chains longer than this are cycles or hostile; Word's own are a handful deep.
const maxChain = 32;

/** Reads styles.xml (`root` its w:styles element, null when the package has none). */
export function readStyles(root: Element | null): Styles {
  const styles = new Map<string, Style>();
  let defaultParagraph: string | null = null;
  let defaultItalic = false;
  if (root) {
    defaultItalic = onOff(wChild(wChild(wChild(wChild(root, 'docDefaults'), 'rPrDefault'), 'rPr'), 'i')) ?? false;
    for (const el of wChildren(root, 'style')) {
      const id = wAttr(el, 'styleId');
      if (id === null) continue;
      const type = wAttr(el, 'type') ?? 'paragraph';
      const numPr = wChild(wChild(el, 'pPr'), 'numPr');
      const ilvl = wAttr(wChild(numPr, 'ilvl'), 'val');
      styles.set(id, {
        type,
        basedOn: wAttr(wChild(el, 'basedOn'), 'val'),
        italic: onOff(wChild(wChild(el, 'rPr'), 'i')),
        numId: wAttr(wChild(numPr, 'numId'), 'val'),
        ilvl: ilvl === null ? null : Number(ilvl) || 0,
      });
      const flag = wAttr(el, 'default');
      if (type === 'paragraph' && defaultParagraph === null && (flag === '1' || flag === 'true' || flag === 'on')) defaultParagraph = id;
    }
  }
  const chain = (id: string | null): Style[] => {
    const out: Style[] = [];
    const seen = new Set<string>();
    let at = id;
    while (at !== null && !seen.has(at) && out.length < maxChain) {
      seen.add(at);
      const style = styles.get(at);
      if (!style) break;
      out.push(style);
      at = style.basedOn;
    }
    return out;
  };
  const firstItalic = (id: string | null): boolean | null => {
    for (const style of chain(id)) if (style.italic !== null) return style.italic;
    return null;
  };
  return {
    paragraphItalic: (id) => firstItalic(id ?? defaultParagraph) ?? defaultItalic,
    runItalic: (id) => (id === null ? null : firstItalic(id)),
    numbering: (id) => {
      let ilvl: number | null = null;
      for (const style of chain(id ?? defaultParagraph)) {
        if (ilvl === null && style.ilvl !== null) ilvl = style.ilvl;
        if (style.numId !== null) return { numId: style.numId, ilvl: ilvl ?? style.ilvl };
      }
      return null;
    },
  };
}

/** The numbering style a `w:numStyleLink` names: its numId, or null. */
export function numberingStyleNumId(root: Element | null, styleId: string): string | null {
  if (!root) return null;
  for (const el of wChildren(root, 'style')) {
    if (wAttr(el, 'styleId') === styleId) return wAttr(wChild(wChild(wChild(el, 'pPr'), 'numPr'), 'numId'), 'val');
  }
  return null;
}
