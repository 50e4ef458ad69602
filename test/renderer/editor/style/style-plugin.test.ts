import { afterAll, describe, expect, it } from 'vitest';
import { createStyleChecker, checkDocument } from '../../../../shared/style/index.js';
import { placeProblems, styleKey, stylePlugin } from '../../../../renderer/editor/style/style-plugin.js';
import { interfaceLanguageKey } from '../../../../renderer/i18n/editor-language.js';
import { i18n } from '../../../../renderer/i18n/index.js';
import { docOf, stateOf, textPosOf, typeAtEnd } from './helpers.js';

const operative = Array.from({ length: 20 }, (_, i) => ({ text: `Requests the Secretary-General to report on item ${i + 1};`, id: `op${i + 1}`, opener: 'Requests' }));
operative[19] = { text: 'Decides to remain seized of the matter.', id: 'op20', opener: 'Decides' };

describe('stylePlugin', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('writes the tooltip in the interface language and redraws it when that language changes, the document unchanged', async () => {
    await i18n.changeLanguage('en');
    const state = stateOf(docOf({ operative: [{ text: 'Requests a report,', id: 'a', opener: 'Requests' }, { text: 'Decides to act.', id: 'b', opener: 'Decides' }] }), [stylePlugin()]);
    const title = (s: typeof state) => String((styleKey.getState(s)?.decorations.find()[0] as unknown as { type: { attrs: { title: string } } }).type.attrs.title);
    expect(title(state)).toBe('OP 1: ends with "," where a semicolon is expected (an operative paragraph ends with a semicolon)');
    await i18n.changeLanguage('fr');
    const french = state.apply(state.tr.setMeta(interfaceLanguageKey, 'fr').setMeta('addToHistory', false));
    expect(french.doc).toBe(state.doc);
    expect(title(french).replace(/\u00a0/g, ' ')).toBe('OP 1: se termine par « , » alors qu’il faut un point-virgule (un paragraphe du dispositif se termine par un point-virgule)');
    expect(styleKey.getState(french)?.problems[0]?.message).toBe(styleKey.getState(state)?.problems[0]?.message);
  });

  it('re-analyses only the paragraph a keystroke touched, and agrees with a full check', () => {
    const checker = createStyleChecker();
    let state = stateOf(docOf({ operative }), [stylePlugin(checker)]);
    // 20 operative paragraphs; the title and the body line are not checked.
    expect(checker.lastAnalysed()).toBe(20);
    state = typeAtEnd(state, 'op5', 'x');
    expect(checker.lastAnalysed()).toBe(1);
    const problems = styleKey.getState(state)?.problems ?? [];
    expect(problems.map((p) => p.message)).toEqual(checkDocument(state.doc).map((p) => p.message));
    expect(problems.some((p) => p.rule === 'punctuation' && p.paragraphId === 'op5')).toBe(true);
  });

  it('underlines the problem at its document range with the message as tooltip', () => {
    let state = stateOf(docOf({ operative: [{ text: 'Requests a report,', id: 'a', opener: 'Requests' }, { text: 'Decides to act.', id: 'b', opener: 'Decides' }] }), [stylePlugin()]);
    const problem = styleKey.getState(state)?.problems.find((p) => p.rule === 'punctuation');
    const comma = textPosOf(state.doc, 'a') + 1 + 'Requests a report'.length;
    expect(problem).toMatchObject({ paragraphId: 'a', start: comma, end: comma + 1 });
    const decorations = styleKey.getState(state)?.decorations.find() ?? [];
    expect(decorations.map((d) => [d.from, d.to])).toEqual([[comma, comma + 1]]);
    expect((decorations[0]?.spec as { problem: { message: string } }).problem.message).toMatch(/^OP 1: ends with "," where a semicolon is expected/);
    state = typeAtEnd(state, 'b', ' x');
    expect(styleKey.getState(state)?.problems.filter((p) => p.paragraphId === 'b')).toHaveLength(1);
  });

  it('marks hints with the dimmer class and an empty paragraph on its whole text block', () => {
    const doc = docOf({
      // "also" on the first use of an opener is a hint (a plain repeat after a gap is no longer one).
      preamble: [{ text: 'Recalling also its resolution 70/1,', opener: 'Recalling' }, { text: 'Noting the report,', opener: 'Noting' }],
      operative: [{ text: '', id: 'empty' }, { text: 'Decides to act.', opener: 'Decides' }],
    });
    const state = stateOf(doc, [stylePlugin()]);
    const problems = styleKey.getState(state)?.problems ?? [];
    const classes = (styleKey.getState(state)?.decorations.find() ?? []).map((d) => (d.spec as { problem: { rule: string } }).problem.rule + ':' + String((d as unknown as { type: { attrs: { class: string } } }).type.attrs.class));
    expect(problems.find((p) => p.rule === 'repeated-opener')?.severity).toBe('info');
    expect(classes).toContain('repeated-opener:ph-problem ph-problem-info');
    expect(classes).toContain('empty-paragraph:ph-problem ph-problem-block');
  });

  it('places problems inside footnotes in the footnote text', () => {
    const doc = docOf({ operative: [{ text: 'Decides to act.', opener: 'Decides', id: 'a', footnotes: [{ text: 'See a/res/77/231.', id: 'fn' }] }] });
    const placed = placeProblems(doc, checkDocument(doc));
    expect(placed.map((p) => p.rule)).toEqual(['symbol']);
    const symbol = placed[0]!;
    expect(doc.nodeAt(symbol.textPos)?.type.name).toBe('footnote');
    expect(doc.textBetween(symbol.start, symbol.end)).toBe('a/res/77/231');
  });
});
