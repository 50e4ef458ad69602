import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import {
  buildDocument,
  type AnnexSpec,
  type ChildSpec,
  type DocumentSpec,
  type InlinePiece,
  type ParagraphSpec,
} from '../../shared/document/build.js';
import type { HeaderAttrs } from '../../shared/document/header.js';
import type { Language } from '../../shared/document/labels.js';
import { footnoteTexts, months, sessions, sponsorNames, symbols, vocabularies, type Vocabulary } from './arbitrary-vocabulary.js';

/**
 * Options of the document arbitraries. `languages`: which of en/fr/es to draw from
 * (default all three). `emphasis`: also put `emphasis` marks on some phrases (written
 * `_..._` by the exporter; off by default because the importer need not read them).
 */
export type ArbitraryDocumentOptions = { languages?: Language[]; emphasis?: boolean };

type Phrase = { text: string; emphasis: boolean; note: string | null };
type Sentence = { phrases: Phrase[]; endNote: string | null };
type Ctx = { vocab: Vocabulary; emphasis: boolean };

/**
 * Random schema-valid documents as builder specs (see `buildDocument`): resolutions with
 * 0-6 preambular and 1-8 operative paragraphs, or decisions with 1-5 lettered paragraphs;
 * (a)/(i) subparagraphs, numbered lists nested two deep (a nested list only under a list's
 * last item), footnotes after words or after the closing punctuation, 0-2 annexes, openers
 * on every PP, OP and decision paragraph and nowhere else, and optional header fields.
 * Texts are built so the plain-text layout can be read back: every paragraph ends with
 * , ; . or : (":" exactly when sub-levels follow), and starts with no structural marker.
 */
export function arbitraryDocumentSpec(options: ArbitraryDocumentOptions = {}): fc.Arbitrary<DocumentSpec> {
  const langs = options.languages ?? ['en', 'fr', 'es'];
  return fc.constantFrom(...langs).chain((language) => {
    const vocab = vocabularies[language];
    if (!vocab) throw new Error(`no vocabulary for language ${language}`);
    const ctx: Ctx = { vocab, emphasis: options.emphasis ?? false };
    return fc.oneof(
      { weight: 3, arbitrary: resolutionSpec(ctx, language) },
      { weight: 1, arbitrary: decisionSpec(ctx, language) },
    );
  });
}

/** Random schema-valid documents (see `arbitraryDocumentSpec`), built with fresh ids. */
export function arbitraryDocument(options: ArbitraryDocumentOptions = {}): fc.Arbitrary<Node> {
  return arbitraryDocumentSpec(options).map(buildDocument);
}

/** One to three random documents, as for a report holding several drafts. */
export function arbitraryDocuments(options: ArbitraryDocumentOptions = {}): fc.Arbitrary<Node[]> {
  return fc.array(arbitraryDocument(options), { minLength: 1, maxLength: 3 });
}

function resolutionSpec(ctx: Ctx, language: Language): fc.Arbitrary<DocumentSpec> {
  return fc
    .record({
      header: headerArb(language, 'resolution'),
      title: fc.constantFrom(...ctx.vocab.titles),
      body: fc.constantFrom(...ctx.vocab.bodies.resolution),
      preamble: fc.array(ppArb(ctx), { maxLength: 6 }),
      operative: fc.array(opArb(ctx), { minLength: 1, maxLength: 8 }),
      annexes: annexesArb(ctx),
    })
    .map(({ operative, ...rest }) => ({
      ...rest,
      kind: 'resolution' as const,
      operative: operative.map((op, i) => op(i === operative.length - 1 ? '.' : ';')),
    }));
}

function decisionSpec(ctx: Ctx, language: Language): fc.Arbitrary<DocumentSpec> {
  const paragraph = fc
    .record({ sentence: sentenceArb(ctx), opener: fc.constantFrom(...ctx.vocab.decisionOpeners), children: childrenArb(ctx, 'subsub') })
    .map(({ sentence, opener, children }) => (end: string) => paragraphSpec(opener, sentence, children, end));
  return fc
    .record({
      header: headerArb(language, 'decision'),
      title: fc.constantFrom(...ctx.vocab.decisionTitles),
      body: fc.constantFrom(...ctx.vocab.bodies.decision),
      operative: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
      annexes: annexesArb(ctx),
    })
    .map(({ operative, ...rest }) => ({
      ...rest,
      kind: 'decision' as const,
      operative: operative.map((p, i) => p(i === operative.length - 1 ? '.' : ';')),
    }));
}

function headerArb(language: Language, kind: 'resolution' | 'decision'): fc.Arbitrary<Partial<HeaderAttrs>> {
  const maybe = (arb: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), arb);
  const date = fc
    .record({ day: fc.integer({ min: 1, max: 28 }), month: fc.constantFrom(...months), year: fc.integer({ min: 2015, max: 2026 }) })
    .map(({ day, month, year }) => `${day} ${month} ${year}`);
  const headings = kind === 'resolution' ? ['Draft resolution I', 'Draft resolution II', 'Draft resolution III'] : ['Draft decision', 'Draft decision I'];
  return fc.record({
    language: fc.constant(language),
    symbol: maybe(fc.constantFrom(...symbols)),
    date: maybe(date),
    session: maybe(fc.constantFrom(...sessions)),
    agendaItem: maybe(fc.constantFrom('3', '5', '12 (b)', '7')),
    sponsors: fc.oneof(fc.constant([] as string[]), fc.shuffledSubarray(sponsorNames, { minLength: 1, maxLength: 4 })),
    // Headings are English words; French and Spanish documents go without.
    heading: language === 'en' ? maybe(fc.constantFrom(...headings)) : fc.constant(''),
  });
}

const noteArb: fc.Arbitrary<string | null> = rarely(null, fc.constantFrom(...footnoteTexts), 6);

function sentenceArb(ctx: Ctx, lead?: string[]): fc.Arbitrary<Sentence> {
  const phrase = fc.record({
    text: fc.constantFrom(...ctx.vocab.phrases),
    emphasis: ctx.emphasis ? rarely(false, fc.constant(true), 4) : fc.constant(false),
    note: noteArb,
  });
  const first = lead ? fc.record({ text: fc.constantFrom(...lead), emphasis: fc.constant(false), note: noteArb }) : phrase;
  return fc.record({
    phrases: fc.tuple(first, fc.array(phrase, { maxLength: 3 })).map(([head, tail]) => [head, ...tail]),
    endNote: noteArb,
  });
}

// Inline pieces: the opener (if any), the phrases separated by spaces with footnotes after
// some of them, the closing punctuation, then maybe a footnote after it.
function piecesOf(opener: string | null, sentence: Sentence, end: string): InlinePiece[] {
  const out: InlinePiece[] = [];
  if (opener) out.push({ text: opener, opener: true });
  sentence.phrases.forEach((phrase, i) => {
    const sep = i === 0 && !opener ? '' : ' ';
    if (phrase.emphasis) out.push(sep, { text: phrase.text, emphasis: true });
    else out.push(sep + phrase.text);
    if (phrase.note && i < sentence.phrases.length - 1) out.push({ footnote: phrase.note });
  });
  out.push(end);
  if (sentence.endNote) out.push({ footnote: sentence.endNote });
  return out;
}

function paragraphSpec(opener: string | null, sentence: Sentence, children: ChildSpec[], end: string): ParagraphSpec {
  return { text: piecesOf(opener, sentence, children.length > 0 ? ':' : end), children };
}

/** `arb` in about one draw out of `1 + often`, else `none`. */
function rarely<T, U>(none: U, arb: fc.Arbitrary<T>, often: number): fc.Arbitrary<T | U> {
  return fc.oneof({ weight: often, arbitrary: fc.constant(none) }, { weight: 1, arbitrary: arb });
}

// Children of a paragraph whose lettered children are at `level`: 0-4 lettered paragraphs
// (mostly none), then at most one numbered list.
function childrenArb(ctx: Ctx, level: 'sub' | 'subsub', withList = true): fc.Arbitrary<ChildSpec[]> {
  const lettered = rarely([] as ParagraphSpec[], fc.array(leafArb(ctx, level), { minLength: 1, maxLength: 4 }), 3);
  const list = withList ? rarely(null, listArb(ctx, 'item'), 4) : fc.constant(null);
  return fc.tuple(lettered, list).map(([subs, items]) => [...subs, ...(items ? [{ list: items }] : [])]);
}

function leafArb(ctx: Ctx, level: 'sub' | 'subsub'): fc.Arbitrary<ParagraphSpec> {
  const nested = level === 'sub' ? childrenArb(ctx, 'subsub', false) : fc.constant([] as ChildSpec[]);
  return fc
    .record({ sentence: sentenceArb(ctx, ctx.vocab.lowerLeads), children: nested })
    .map(({ sentence, children }) => paragraphSpec(null, sentence, children, ';'));
}

function listArb(ctx: Ctx, level: 'item' | 'nested-item'): fc.Arbitrary<ParagraphSpec[]> {
  const item = fc.record({
    sentence: sentenceArb(ctx, ctx.vocab.itemLeads),
    subs: rarely([] as ParagraphSpec[], fc.array(leafArb(ctx, 'sub'), { minLength: 1, maxLength: 3 }), 3),
  });
  const nested = level === 'item' ? rarely(null, listArb(ctx, 'nested-item'), 4) : fc.constant(null);
  return fc.tuple(fc.array(item, { minLength: 1, maxLength: 4 }), nested).map(([items, inner]) =>
    items.map(({ sentence, subs }, i) => {
      const children: ChildSpec[] = [...subs, ...(inner && i === items.length - 1 ? [{ list: inner }] : [])];
      return paragraphSpec(null, sentence, children, '.');
    }),
  );
}

function ppArb(ctx: Ctx): fc.Arbitrary<ParagraphSpec> {
  const subs = rarely([] as ChildSpec[], fc.array(leafArb(ctx, 'sub'), { minLength: 1, maxLength: 3 }), 8);
  return fc
    .record({ opener: fc.constantFrom(...ctx.vocab.ppOpeners), sentence: sentenceArb(ctx), children: subs })
    .map(({ opener, sentence, children }) => paragraphSpec(opener, sentence, children, ','));
}

function opArb(ctx: Ctx): fc.Arbitrary<(end: string) => ParagraphSpec> {
  return fc
    .record({ opener: fc.constantFrom(...ctx.vocab.opOpeners), sentence: sentenceArb(ctx), children: childrenArb(ctx, 'sub') })
    .map(({ opener, sentence, children }) => (end: string) => paragraphSpec(opener, sentence, children, end));
}

function annexesArb(ctx: Ctx): fc.Arbitrary<AnnexSpec[]> {
  const paragraph = fc.record({ sentence: sentenceArb(ctx, ctx.vocab.annexLeads), list: rarely(null, listArb(ctx, 'item'), 2) });
  const annex = fc
    .record({ title: fc.constantFrom(...ctx.vocab.annexTitles), leadingList: rarely(null, listArb(ctx, 'item'), 1), paragraphs: fc.array(paragraph, { maxLength: 3 }) })
    .map(({ title, leadingList, paragraphs }): AnnexSpec => {
      const content: ChildSpec[] = leadingList ? [{ list: leadingList }] : [];
      for (const { sentence, list } of paragraphs) {
        content.push({ text: piecesOf(null, sentence, list ? ':' : '.') });
        if (list) content.push({ list });
      }
      if (content.length === 0) content.push({ text: piecesOf(null, { phrases: [{ text: ctx.vocab.annexLeads[0] ?? '', emphasis: false, note: null }], endNote: null }, '.') });
      return { title, content };
    });
  return fc.oneof({ weight: 3, arbitrary: fc.constant([] as AnnexSpec[]) }, { weight: 2, arbitrary: fc.array(annex, { minLength: 1, maxLength: 2 }) });
}
