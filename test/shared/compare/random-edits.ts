import fc from 'fast-check';
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { ReplaceStep, Transform } from 'prosemirror-transform';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { newId } from '../../../shared/ids.js';

/**
 * One random edit, as seeds: `kind` says what to do, `a`, `b`, `c` pick the targets (taken
 * modulo the number of candidates when the edit is applied), `words` is the text put in.
 */
export type EditSeed = { kind: 'reword' | 'insert' | 'delete' | 'move'; a: number; b: number; c: number; words: string };

const phrases = ['', 'further', 'in close cooperation with Member States', 'urgently', 'and civil society;', 'the Office,'];

/** Random edit seeds: rewords, paragraph insertions, deletions and moves. */
export const editSeedArb: fc.Arbitrary<EditSeed> = fc.record({
  kind: fc.constantFrom('reword', 'insert', 'delete', 'move'),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  words: fc.constantFrom(...phrases),
});

const paragraphTypes = new Set([
  'preambular_paragraph',
  'operative_paragraph',
  'decision_paragraph',
  'subparagraph',
  'sub_subparagraph',
  'list_item',
  'annex_paragraph',
]);

type Located = { node: Node; pos: number };

function collect(doc: Node, keep: (node: Node) => boolean): Located[] {
  const out: Located[] = [];
  doc.descendants((node, pos) => {
    if (keep(node)) out.push({ node, pos });
    return !node.isInline;
  });
  return out;
}

function pick<T>(items: readonly T[], seed: number): T | undefined {
  return items.length === 0 ? undefined : items[seed % items.length];
}

/**
 * Applies the edits one after another with prosemirror-transform steps on the real schema;
 * an edit the schema refuses (e.g. deleting the only operative paragraph) is skipped.
 * Inserted paragraphs get fresh ids; moved and reworded ones keep theirs.
 */
export function applyEdits(doc: Node, seeds: readonly EditSeed[]): Node {
  let current = doc;
  for (const seed of seeds) {
    const tr = new Transform(current);
    if (editOnce(tr, seed)) current = tr.doc;
  }
  current.check();
  return current;
}

function editOnce(tr: Transform, seed: EditSeed): boolean {
  switch (seed.kind) {
    case 'reword':
      return reword(tr, seed);
    case 'insert':
      return insert(tr, seed);
    case 'delete':
      return remove(tr, seed);
    case 'move':
      return move(tr, seed);
  }
}

// Replaces a range between two cut points of a textblock (child boundaries or inside text
// nodes, never inside a footnote) by `words`.
function reword(tr: Transform, seed: EditSeed): boolean {
  const target = pick(collect(tr.doc, (n) => n.isTextblock), seed.a);
  if (!target) return false;
  const cuts: number[] = [target.pos + 1];
  target.node.forEach((child, offset) => {
    const start = target.pos + 1 + offset;
    if (child.isText) for (let i = 1; i < child.nodeSize; i++) cuts.push(start + i);
    cuts.push(start + child.nodeSize);
  });
  const x = cuts[seed.b % cuts.length] ?? target.pos + 1;
  const y = cuts[seed.c % cuts.length] ?? target.pos + 1;
  const [from, to] = x <= y ? [x, y] : [y, x];
  const content = seed.words === '' ? Fragment.empty : Fragment.from(resolutionSchema.text(seed.words));
  return !tr.maybeStep(new ReplaceStep(from, to, new Slice(content, 0, 0))).failed;
}

function freshParagraph(typeName: string, words: string): Node {
  const type = resolutionSchema.nodes[typeName];
  if (!type) throw new Error(`no node type ${typeName}`);
  const text = words === '' ? [] : [resolutionSchema.text(words)];
  if (typeName === 'annex_paragraph') return type.create({ id: newId() }, text);
  return type.create({ id: newId() }, resolutionSchema.nodes.paragraph_text?.create(null, text));
}

function insert(tr: Transform, seed: EditSeed): boolean {
  const target = pick(collect(tr.doc, (n) => paragraphTypes.has(n.type.name)), seed.a);
  if (!target) return false;
  const at = seed.b % 2 === 0 ? target.pos : target.pos + target.node.nodeSize;
  const node = freshParagraph(target.node.type.name, seed.words === '' ? 'inserted text;' : seed.words);
  return !tr.maybeStep(new ReplaceStep(at, at, new Slice(Fragment.from(node), 0, 0))).failed;
}

function remove(tr: Transform, seed: EditSeed): boolean {
  const target = pick(collect(tr.doc, (n) => paragraphTypes.has(n.type.name)), seed.a);
  if (!target) return false;
  return !tr.maybeStep(new ReplaceStep(target.pos, target.pos + target.node.nodeSize, Slice.empty)).failed;
}

// Moves a paragraph before or after another paragraph of the same type (possibly under
// another parent), keeping its id.
function move(tr: Transform, seed: EditSeed): boolean {
  const all = collect(tr.doc, (n) => paragraphTypes.has(n.type.name));
  const source = pick(all, seed.a);
  if (!source) return false;
  const end = source.pos + source.node.nodeSize;
  const targets = all.filter((t) => t.node.type === source.node.type && (t.pos < source.pos || t.pos >= end));
  const target = pick(targets, seed.b);
  if (!target) return false;
  const at = seed.c % 2 === 0 ? target.pos : target.pos + target.node.nodeSize;
  if (tr.maybeStep(new ReplaceStep(source.pos, end, Slice.empty)).failed) return false;
  const mapped = tr.mapping.map(at, seed.c % 2 === 0 ? -1 : 1);
  return !tr.maybeStep(new ReplaceStep(mapped, mapped, new Slice(Fragment.from(source.node), 0, 0))).failed;
}
