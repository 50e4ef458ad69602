import type { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';
import type { DocumentKind, HeaderAttrs } from './header.js';
import { buildInline, type InlinePiece } from './build-inline.js';

export { buildInline, type InlinePiece } from './build-inline.js';
export { validateDocument } from './validate.js';

/**
 * A paragraph to build. A plain string is a paragraph with that text and nothing else.
 * - `text`: the paragraph's text, or inline pieces (see `InlinePiece`) for full control.
 * - `opener`: with string text, its italic opening phrase; must be a prefix of `text`.
 * - `footnotes`: with string text, footnotes inserted at character offsets of `text`
 *   (0..text.length; the opener counts; omitted `at` = the end), in any order.
 * - `children`: sub-levels in order; `subparagraphs` and `list` are shortcuts appended
 *   after `children` (subparagraphs first, then one numbered list).
 * The level of a subparagraph follows from its parent: under an OP, PP or list item it is
 * a `subparagraph` ((a)); under a subparagraph or a decision paragraph a `sub_subparagraph` ((i)).
 * `id` keeps a given id; otherwise a fresh `newId()` is assigned.
 */
export type ParagraphSpec = {
  text: string | InlinePiece[];
  opener?: string;
  footnotes?: { at?: number; text: string; id?: string }[];
  children?: ChildSpec[];
  subparagraphs?: Paragraph[];
  list?: Paragraph[];
  id?: string;
};

/** A paragraph given as its text only, or in full. */
export type Paragraph = string | ParagraphSpec;

/** A child of a paragraph: a lettered sub-level paragraph, or a nested numbered list. */
export type ChildSpec = Paragraph | { list: Paragraph[]; text?: never };

/**
 * An annex: its title and its content, where a string or `ParagraphSpec` (text, opener,
 * footnotes only) is an `annex_paragraph` and `{ list }` a numbered list.
 */
export type AnnexSpec = { title: string; content?: ChildSpec[]; id?: string };

/**
 * A whole document. For a decision, `operative` holds the lettered paragraphs and
 * `preamble` must be empty. `body` is the authoring body line ("The General Assembly,").
 */
export type DocumentSpec = {
  kind?: DocumentKind;
  header?: Partial<HeaderAttrs>;
  title: string;
  body: string;
  preamble?: Paragraph[];
  operative: Paragraph[];
  annexes?: AnnexSpec[];
};

const { nodes } = resolutionSchema;

// The paragraph type a lettered child takes under each parent type.
const subLevelOf: Readonly<Record<string, string>> = {
  preambular_paragraph: 'subparagraph',
  operative_paragraph: 'subparagraph',
  list_item: 'subparagraph',
  subparagraph: 'sub_subparagraph',
  decision_paragraph: 'sub_subparagraph',
};

/**
 * Builds a schema-valid document from `spec`, assigning fresh ids where none is given.
 * Throws an Error naming the problem when the spec cannot make a valid document
 * (a decision with a preamble, no operative paragraph, an opener that is not a prefix ...).
 */
export function buildDocument(spec: DocumentSpec): Node {
  const kind = spec.kind ?? 'resolution';
  if (spec.operative.length === 0) {
    // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
    throw new Error(kind === 'decision' ? 'a decision needs at least one lettered paragraph' : 'a resolution needs at least one operative paragraph');
  }
  // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
  if (kind === 'decision' && (spec.preamble?.length ?? 0) > 0) throw new Error('a decision has no preambular paragraphs');
  const main =
    kind === 'decision'
      ? [nodes.decision_body.createChecked(null, spec.operative.map((p) => buildParagraph('decision_paragraph', p)))]
      : [
          nodes.preamble.createChecked(null, (spec.preamble ?? []).map((p) => buildParagraph('preambular_paragraph', p))),
          nodes.operative.createChecked(null, spec.operative.map((p) => buildParagraph('operative_paragraph', p))),
        ];
  return nodes.doc.createChecked(null, [
    nodes.header.create({ ...spec.header, sponsors: [...(spec.header?.sponsors ?? [])] }),
    nodes.title.createChecked({ id: newId() }, textNodes(spec.title)),
    nodes.body_line.createChecked({ id: newId() }, textNodes(spec.body)),
    ...main,
    ...(spec.annexes ?? []).map(buildAnnex),
  ]);
}

/**
 * Builds one paragraph-level node of type `typeName` (e.g. 'operative_paragraph',
 * 'list_item') with its sub-levels. Throws when the type cannot hold what the spec asks for.
 */
export function buildParagraph(typeName: string, paragraph: Paragraph): Node {
  const spec = typeof paragraph === 'string' ? { text: paragraph } : paragraph;
  const type = resolutionSchema.nodes[typeName];
  // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
  if (!type) throw new Error(`unknown node type "${typeName}"`);
  const children = [...(spec.children ?? []), ...(spec.subparagraphs ?? []), ...(spec.list ? [{ list: spec.list }] : [])];
  const content = [nodes.paragraph_text.createChecked(null, inlineOf(spec)), ...children.map((c) => buildChild(typeName, c))];
  return type.createChecked({ id: spec.id ?? newId() }, content);
}

/** Builds an `annex` node from its title and content (annex paragraphs and numbered lists). */
export function buildAnnex(spec: AnnexSpec): Node {
  const content = (spec.content ?? []).map((child) => {
    if (typeof child !== 'string' && 'list' in child && child.list) return buildList(child.list);
    const p = child as Paragraph;
    if (typeof p !== 'string' && (p.children?.length || p.subparagraphs?.length || p.list?.length)) {
      // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
      throw new Error('an annex paragraph cannot have subparagraphs or lists; put a { list } after it');
    }
    return nodes.annex_paragraph.createChecked({ id: (typeof p === 'string' ? undefined : p.id) ?? newId() }, inlineOf(p));
  });
  return nodes.annex.createChecked({ id: spec.id ?? newId() }, [nodes.annex_title.createChecked(null, textNodes(spec.title)), ...content]);
}

/** Builds a `numbered_list` of `list_item`s (each may have (a)-level children and nested lists). */
export function buildList(items: Paragraph[]): Node {
  // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
  if (items.length === 0) throw new Error('a numbered list needs at least one item');
  return nodes.numbered_list.createChecked(null, items.map((item) => buildParagraph('list_item', item)));
}

function buildChild(parentType: string, child: ChildSpec): Node {
  if (typeof child !== 'string' && 'list' in child && child.list) {
    if (parentType === 'preambular_paragraph' || parentType === 'sub_subparagraph') {
      // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
      throw new Error(`a ${parentType} cannot hold a numbered list`);
    }
    return buildList(child.list);
  }
  const level = subLevelOf[parentType];
  // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
  if (!level) throw new Error(`a ${parentType} cannot have subparagraphs`);
  return buildParagraph(level, child as Paragraph);
}

function inlineOf(paragraph: Paragraph): Node[] {
  if (typeof paragraph === 'string') return buildInline(paragraph);
  if (typeof paragraph.text !== 'string') {
    // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
    if (paragraph.opener !== undefined || paragraph.footnotes) throw new Error('opener and footnotes apply to string text only; use inline pieces');
    return buildInline(paragraph.text);
  }
  return buildInline(paragraph.text, { opener: paragraph.opener, footnotes: paragraph.footnotes });
}

function textNodes(text: string): Node[] {
  return text === '' ? [] : [resolutionSchema.text(text)];
}
