/**
 * Inline content of an Akoma Ntoso export: text, the opener as `<span class="italic">` (as
 * DGACM marks it) and other italics as `<span class="italic emphasis">`, footnotes as inline `<authorialNote
 * marker="N" placement="bottom">`, cross-references as `<ref href="#eId">`, and the
 * negotiation's brackets as `<inline name="bracket">` (proposers in `refersTo`, a deletion
 * proposal with class "deletion") inside `<inline name="alternatives">` groups whose later
 * members point at the first with `alternativeTo`.
 */
import type { Node } from 'prosemirror-model';
import { readAttribution } from '../../negotiation/model.js';
import { delegationRef, type WriteContext } from './write-context.js';
import { attributionRecord, nodeRecord } from './write-proprietary.js';
import { el, type XmlChild, type XmlElement } from './write-xml.js';

type Italic = 'opener' | 'emphasis' | null;

function italicOf(node: Node): Italic {
  if (node.marks.some((m) => m.type.name === 'opener')) return 'opener';
  return node.marks.some((m) => m.type.name === 'emphasis') ? 'emphasis' : null;
}

/**
 * The inline children of a text block (paragraph text, annex paragraph, title, footnote,
 * bracket). A footnote or cross-reference between two runs of the same italics stays inside
 * the span ("Recalling¹ also" is one opener); a bracket always closes it (its own text
 * carries its own spans).
 */
export function inlineContent(block: Node, ctx: WriteContext): XmlChild[] {
  const out: XmlChild[] = [];
  const children: Node[] = [];
  block.forEach((child) => children.push(child));
  let span: XmlElement | null = null;
  let spanKind: Italic = null;
  children.forEach((child, index) => {
    if (child.isText) {
      const kind = italicOf(child);
      if (kind !== spanKind || (kind !== null && !span)) {
        // Both are italic to any reader; the extra class tells our import which is which.
        span = kind === null ? null : el('span', { class: kind === 'opener' ? 'italic' : 'italic emphasis' });
        spanKind = kind;
        if (span) out.push(span);
      }
      (span ? span.children : out).push(child.text ?? '');
      return;
    }
    const atom = child.type.name === 'footnote' || child.type.name === 'cross_reference';
    const next = children.slice(index + 1).find((c) => c.isText);
    if (!atom || !next || italicOf(next) !== spanKind) {
      span = null;
      spanKind = null;
    }
    const element = inlineNode(child, ctx);
    if (element) (span ? (span as XmlElement).children : out).push(element);
  });
  return out;
}

function inlineNode(node: Node, ctx: WriteContext): XmlElement | null {
  switch (node.type.name) {
    case 'footnote':
      return footnote(node, ctx);
    case 'cross_reference': {
      const target = String(node.attrs.target ?? '');
      const eId = ctx.plan.byId.get(target);
      const text = ctx.referenceText.get(target) ?? '??';
      // A reference whose target is gone still needs an href: it names the missing id.
      return el('ref', { href: eId ? `#${eId}` : `#missing_${target.replace(/\s+/g, '_') || 'target'}`, class: 'crossReference' }, [text]);
    }
    case 'bracket':
      return bracket(node, ctx, undefined);
    case 'bracket_alternatives':
      return alternatives(node, ctx);
    default:
      return null;
  }
}

function footnote(node: Node, ctx: WriteContext): XmlElement {
  const n = ++ctx.footnotes;
  const eId = `authorialNote_${n}`;
  ctx.records.push(nodeRecord(eId, node));
  return el('authorialNote', { marker: String(n), placement: 'bottom', eId }, [el('p', {}, inlineContent(node, ctx))]);
}

function bracket(node: Node, ctx: WriteContext, alternativeTo: string | undefined): XmlElement {
  const eId = `bracket_${++ctx.brackets}`;
  const attrs = node.attrs as Record<string, unknown>;
  const attribution = readAttribution(attrs);
  const deletion = attrs.deletion === true;
  for (const name of [...attribution.supportedBy, ...attribution.opposedBy]) delegationRef(ctx, name);
  const refersTo = attribution.proposedBy.map((name) => `#${delegationRef(ctx, name)}`).join(' ');
  ctx.records.push(attributionRecord('ph:bracket', eId, String(attrs.id ?? ''), attribution, deletion ? { deletion: 'true' } : {}));
  return el(
    'inline',
    { name: 'bracket', eId, refersTo: refersTo || undefined, class: deletion ? 'deletion' : undefined, alternativeTo },
    inlineContent(node, ctx),
  );
}

function alternatives(node: Node, ctx: WriteContext): XmlElement {
  const eId = `alternatives_${++ctx.groups}`;
  ctx.records.push(nodeRecord(eId, node));
  const members: XmlElement[] = [];
  let first: string | undefined;
  node.forEach((member) => {
    const element = bracket(member, ctx, first);
    first ??= element.attrs.eId;
    members.push(element);
  });
  return el('inline', { name: 'alternatives', eId }, members);
}
