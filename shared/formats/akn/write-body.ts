/**
 * The text part of an Akoma Ntoso export in the DGACM dialect:
 * - preamble: `<formula name="enactingFormula">` (the body line, its words in italics), then
 *   one `<container name="<opener>">` per preambular paragraph; its (a)/(i) subparagraphs
 *   as a `<blockList>` of `<item>`s with `<num>` right after the container (as DGACM does);
 * - mainBody: a `<paragraph>` per operative (or decision) paragraph with `<num>` and
 *   `<content>`; a paragraph with sub-levels has instead a `<list>` whose `<intro>` holds
 *   its text and whose `<point>`s are its (a) (or a decision's (i)) subparagraphs, each
 *   point with sub-levels holding a `<sublist>` the same way; a numbered list ("1.", "2.")
 *   is a nested `<list class="numberedList">` of points at its place;
 * - attachments: one `<attachment><doc name="annex">` per annex, its first paragraph
 *   (class H1) holding `<docType>` and `<docTitle>` as DGACM writes them.
 * Paragraph alternatives carry `alternativeTo` (their base's eId); bracketed paragraphs
 * class "bracketed"; the rest of the negotiation state is in the proprietary block.
 */
import type { Node } from 'prosemirror-model';
import type { HeaderAttrs } from '../../document/header.js';
import { annexLabel } from '../../document/labels.js';
import { msg } from '../../i18n/message.js';
import { FormatError } from '../types.js';
import { paragraphBracket } from '../../negotiation/model.js';
import { delegationRef, type WriteContext } from './write-context.js';
import { inlineContent } from './write-inline.js';
import { identification } from './write-meta.js';
import { nodeRecord } from './write-proprietary.js';
import { el, type XmlChild, type XmlElement } from './write-xml.js';

const lettered: ReadonlySet<string> = new Set(['subparagraph', 'sub_subparagraph']);

function eIdOf(ctx: WriteContext, node: Node): string {
  const eId = ctx.plan.byNode.get(node);
  if (eId === undefined) throw new FormatError(msg('formats:akn.noEId', { type: node.type.name }));
  ctx.records.push(nodeRecord(eId, node));
  return eId;
}

function textOf(node: Node, ctx: WriteContext): XmlChild[] {
  const text = node.firstChild?.type.name === 'paragraph_text' ? node.firstChild : null;
  return text ? inlineContent(text, ctx) : [];
}

// The negotiation attributes AKN has a place for: alternativeTo, and for a bracketed
// paragraph the class "bracketed" and its proposers in refersTo.
function negotiationAttrs(node: Node, ctx: WriteContext): Record<string, string | undefined> {
  const of = String(node.attrs.alternativeOf ?? '');
  const bracket = 'bracket' in node.attrs ? paragraphBracket(node) : null;
  for (const name of [...(bracket?.supportedBy ?? []), ...(bracket?.opposedBy ?? [])]) delegationRef(ctx, name);
  const refersTo = (bracket?.proposedBy ?? []).map((name) => `#${delegationRef(ctx, name)}`).join(' ');
  return {
    alternativeTo: of === '' ? undefined : (ctx.plan.byId.get(of) ?? undefined),
    refersTo: refersTo || undefined,
    class: bracket ? 'bracketed' : undefined,
  };
}

/** The `<preamble>`: the body line as the enacting formula, then one container per PP. */
export function preamble(bodyLine: Node | null, part: Node | null, ctx: WriteContext): XmlElement {
  const words = bodyLine?.textContent ?? '';
  const body = /^(.*?)([\s,:;،：，]*)$/su.exec(words);
  const name = body?.[1] ?? words;
  const formula = el('formula', { name: 'enactingFormula', eId: 'formula_1' }, [
    el('p', {}, ctx.language === 'ar' || name === '' ? [words] : [el('span', { class: 'italic' }, [name]), body?.[2] ?? '']),
  ]);
  if (bodyLine) ctx.records.push(nodeRecord('formula_1', bodyLine));
  const containers: XmlElement[] = [];
  part?.forEach((paragraph) => {
    if (paragraph.type.name !== 'preambular_paragraph') return;
    const eId = eIdOf(ctx, paragraph);
    const text = el('p', {}, textOf(paragraph, ctx));
    // As in the DGACM files, a PP's subparagraphs follow its container in the preamble.
    containers.push(el('container', { name: openerOf(paragraph), eId, ...negotiationAttrs(paragraph, ctx) }, [text]), ...blockLists(paragraph, eId, ctx));
  });
  return el('preamble', {}, [formula, ...containers]);
}

/**
 * The opener of a paragraph as its text shows it: the leading italic run, looked for inside
 * a leading bracket (its first alternative's) when the opener itself is bracketed; '' without one.
 */
export function openerOf(paragraph: Node): string {
  return leadingOpener(paragraph.firstChild).trim();
}

function leadingOpener(block: Node | null): string {
  let opener = '';
  let done = false;
  block?.forEach((child, _offset, index) => {
    if (done) return;
    if (child.isText && child.marks.some((m) => m.type.name === 'opener')) opener += child.text ?? '';
    else if (index === 0 && (child.type.name === 'bracket' || child.type.name === 'bracket_alternatives')) {
      opener = leadingOpener(child.type.name === 'bracket' ? child : child.firstChild);
      done = true;
    } else if (child.isText || opener !== '') done = true;
  });
  return opener;
}

// The sub-levels of a preambular paragraph (or of one of its items) as blockLists: the
// lettered children in `<eId>__list_1`, each numbered list in its own.
function blockLists(node: Node, eId: string, ctx: WriteContext): XmlElement[] {
  const lists: XmlElement[] = [];
  const items: XmlElement[] = [];
  node.forEach((child) => {
    if (lettered.has(child.type.name)) items.push(blockItem(child, ctx));
    else if (child.type.name === 'numbered_list') {
      const listEId = eIdOf(ctx, child);
      const numbered: XmlElement[] = [];
      child.forEach((item) => numbered.push(blockItem(item, ctx)));
      lists.push(el('blockList', { eId: listEId, class: 'numberedList' }, numbered));
    }
  });
  return items.length === 0 ? lists : [el('blockList', { eId: `${eId}__list_1` }, items), ...lists];
}

function blockItem(node: Node, ctx: WriteContext): XmlElement {
  const eId = eIdOf(ctx, node);
  const children = [el('num', {}, [ctx.labels.get(node) ?? '']), el('p', {}, textOf(node, ctx)), ...blockLists(node, eId, ctx)];
  return el('item', { eId, ...negotiationAttrs(node, ctx) }, children);
}

/** The `<mainBody>` of the operative part or the decision's body. Throws a FormatError when it would be empty. */
export function mainBody(part: Node | null, ctx: WriteContext): XmlElement {
  const paragraphs: XmlElement[] = [];
  part?.forEach((paragraph) => paragraphs.push(hierarchy('paragraph', paragraph, ctx)));
  if (paragraphs.length === 0) {
    throw new FormatError(msg(ctx.view === 'clean' ? 'formats:akn.emptyClean' : 'formats:akn.emptyCompilation'));
  }
  return el('mainBody', {}, paragraphs);
}

// A paragraph-level node as a hierarchical element: num + content, or num + a list whose
// intro is the node's text and whose points are its sub-levels.
function hierarchy(name: string, node: Node, ctx: WriteContext): XmlElement {
  const eId = eIdOf(ctx, node);
  const label = ctx.labels.get(node) ?? '';
  const num = label === '' ? [] : [el('num', {}, [label])];
  const attrs = { eId, ...negotiationAttrs(node, ctx), ...(name === 'point' && node.type.name === 'list_item' ? { class: 'item' } : {}) };
  if (node.childCount <= 1) return el(name, attrs, [...num, el('content', { eId: `${eId}__content` }, [el('p', {}, textOf(node, ctx))])]);
  // The intro first: footnotes are numbered in document order.
  const intro = el('intro', {}, [el('p', {}, textOf(node, ctx))]);
  const points: XmlElement[] = [];
  node.forEach((child) => {
    if (lettered.has(child.type.name)) points.push(hierarchy('point', child, ctx));
    else if (child.type.name === 'numbered_list') points.push(numberedList(child, ctx));
  });
  const wrapper = el(name === 'paragraph' ? 'list' : 'sublist', { eId: `${eId}__list_1` }, [intro, ...points]);
  return el(name, attrs, [...num, wrapper]);
}

function numberedList(list: Node, ctx: WriteContext): XmlElement {
  const eId = eIdOf(ctx, list);
  const items: XmlElement[] = [];
  list.forEach((item) => items.push(hierarchy('point', item, ctx)));
  return el('list', { eId, class: 'numberedList' }, items);
}

/** The `<attachments>` holding every annex of `doc` (null when it has none), each with its own identification. */
export function attachments(
  annexes: Node[],
  ctx: WriteContext,
  header: HeaderAttrs,
  base: { uri: string; date: string },
  authorEId: string,
  adopted: boolean,
): XmlElement | null {
  if (annexes.length === 0) return null;
  return el(
    'attachments',
    {},
    annexes.map((annex, index) => {
      const eId = eIdOf(ctx, annex);
      const label = annexLabel(index + 1, annexes.length, header.language);
      const title = annex.firstChild?.type.name === 'annex_title' ? annex.firstChild : null;
      const body: XmlElement[] = [
        el('paragraph', { eId: `${eId}__title`, class: 'H1' }, [
          el('content', { eId: `${eId}__title__content` }, [
            el('p', {}, [el('docType', {}, [label]), ' ', el('docTitle', {}, title ? inlineContent(title, ctx) : [])]),
          ]),
        ]),
      ];
      annex.forEach((child) => {
        if (child.type.name === 'annex_paragraph') {
          const paraEId = eIdOf(ctx, child);
          body.push(el('paragraph', { eId: paraEId, class: 'SingleTxt' }, [el('content', { eId: `${paraEId}__content` }, [el('p', {}, inlineContent(child, ctx))])]));
        } else if (child.type.name === 'numbered_list') body.push(numberedList(child, ctx));
      });
      const meta = el('meta', {}, [identification(base, header.language, authorEId, adopted, `annex_${index + 1}`)]);
      return el('attachment', { eId }, [el('doc', { name: 'annex' }, [meta, el('mainBody', {}, body)])]);
    }),
  );
}
