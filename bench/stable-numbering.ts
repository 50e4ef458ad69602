/**
 * `npm run bench -- stable-numbering`: the numbering plugin's work per transaction on an
 * 80-paragraph resolution (20 PP, 60 OP) in negotiation (numbering against the base its header carries,
 * stable labels "OP 5 bis") against the same plugin with fresh numbers, in the same run:
 * a keystroke inside a paragraph (stable labels reused) and a new paragraph (stable labels
 * recomputed). Goal: a keystroke in negotiation within 1.5x of fresh numbering.
 * Last line: one JSON object of figures.
 */
import { EditorState } from 'prosemirror-state';
import { resolutionSchema } from '../schemas/resolution-schema.js';
import { buildDocument } from '../shared/document/build.js';
import { numberingPlugin } from '../renderer/editor/numbering-plugin.js';
import { negotiationBaseOf } from '../shared/negotiation/negotiation-base.js';
import { quantile, round3, timeRuns } from './_stats.js';

const words = 'the Secretary-General to continue supporting Member States in strengthening criminal justice systems'.split(' ');

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed + i * 7) % words.length]).join(' ');
}

// The position inside the text of the `index`-th operative paragraph.
function opTextPos(state: EditorState, index: number): number {
  let found = -1;
  let seen = 0;
  state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === 'operative_paragraph' && seen++ === index) found = pos + 2;
    return true;
  });
  return found;
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const doc = buildDocument({
    title: 'Benchmark resolution',
    body: 'The General Assembly,',
    preamble: Array.from({ length: 20 }, (_, i) => ({ text: `Recalling ${sentence(i, 60)},`, opener: 'Recalling' })),
    operative: Array.from({ length: 60 }, (_, i) => ({
      text: `Requests ${sentence(i, 120)}${i % 5 === 0 ? ':' : ';'}`,
      opener: 'Requests',
      subparagraphs: i % 5 === 0 ? [`${sentence(i, 30)};`, `${sentence(i + 1, 30)};`] : [],
    })),
  });
  const fresh = EditorState.create({ doc, schema: resolutionSchema, plugins: [numberingPlugin()] });
  // In negotiation as the backend puts a document: the base in its header.
  let negotiating = fresh.apply(fresh.tr.setNodeAttribute(0, 'negotiation', negotiationBaseOf('rev1', 'Rev.1', doc)));
  // A paragraph inserted after OP 10, so stable labels differ from fresh ones ("10 bis").
  const at = opTextPos(negotiating, 10) - 2 + negotiating.doc.nodeAt(opTextPos(negotiating, 10) - 2)!.nodeSize;
  const para = () => resolutionSchema.nodes.operative_paragraph!.create({ id: `n${Math.random()}` }, resolutionSchema.nodes.paragraph_text!.create(null, resolutionSchema.text('Also requests;')));
  negotiating = negotiating.apply(negotiating.tr.insert(at, para()));

  const runs = 1000;
  const typeInto = (state: EditorState) => {
    const pos = opTextPos(state, 30);
    return () => state.apply(state.tr.insertText('x', pos));
  };
  const keystrokeFresh = timeRuns(typeInto(fresh), runs, 50);
  const keystrokeStable = timeRuns(typeInto(negotiating), runs, 50);
  const enterStable = timeRuns(() => negotiating.apply(negotiating.tr.insert(at, para())), runs, 50);
  const enterFresh = timeRuns(() => fresh.apply(fresh.tr.insert(at, para())), runs, 50);
  const p95 = (s: number[]) => quantile(s, 0.95);
  console.log(`keystroke: fresh p95 ${p95(keystrokeFresh).toFixed(4)} ms, in negotiation p95 ${p95(keystrokeStable).toFixed(4)} ms`);
  console.log(`new paragraph: fresh p95 ${p95(enterFresh).toFixed(4)} ms, in negotiation p95 ${p95(enterStable).toFixed(4)} ms`);
  console.log(
    JSON.stringify({
      keystroke_fresh_p50_ms: round3(quantile(keystrokeFresh, 0.5)),
      keystroke_fresh_p95_ms: round3(p95(keystrokeFresh)),
      keystroke_stable_p50_ms: round3(quantile(keystrokeStable, 0.5)),
      keystroke_stable_p95_ms: round3(p95(keystrokeStable)),
      keystroke_ratio_p95: round3(p95(keystrokeStable) / p95(keystrokeFresh)),
      paragraph_fresh_p50_ms: round3(quantile(enterFresh, 0.5)),
      paragraph_fresh_p95_ms: round3(p95(enterFresh)),
      paragraph_stable_p50_ms: round3(quantile(enterStable, 0.5)),
      paragraph_stable_p95_ms: round3(p95(enterStable)),
    }),
  );
}
