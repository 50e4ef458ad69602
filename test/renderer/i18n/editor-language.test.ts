import { afterAll, describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { interfaceLanguageKey } from '../../../renderer/i18n/editor-language.js';
import { numberingKey, numberingPlugin } from '../../../renderer/editor/numbering-plugin.js';
import { statusMarginKey, statusMarginPlugin, type StatusWidgetSpec } from '../../../renderer/editor/negotiation/status-margin.js';
import { placeholderDecorations } from '../../../renderer/editor/placeholder-plugin.js';

type Attrs = Record<string, string>;
const attrsOf = (d: Decoration): Attrs => (d.spec as { attrs: Attrs }).attrs;

const document = (language: 'en' | 'fr') =>
  buildDocument({
    header: { language },
    title: 'T',
    body: language === 'fr' ? 'L’Assemblée générale,' : 'The General Assembly,',
    operative: ['Un;', { text: 'Deux :', id: 'op-two', subparagraphs: ['Trois;'] }, { text: ['Voir ', { crossReference: 'gone' }, '.'] }, ''],
  });

const start = (language: 'en' | 'fr') => EditorState.create({ schema: resolutionSchema, doc: document(language), plugins: [numberingPlugin(), statusMarginPlugin()] });
// What the interface-language plugin dispatches when the language changes (its view does it in the browser).
const announce = (state: EditorState) => state.apply(state.tr.setMeta(interfaceLanguageKey, i18n.language).setMeta('addToHistory', false));
const brokenReference = (state: EditorState) => numberingKey.getState(state)?.decorations.find().map(attrsOf).find((a) => a.class === 'ph-xref-broken');
const firstStatus = (state: EditorState) => statusMarginKey.getState(state)?.decorations.find()[0]?.spec as StatusWidgetSpec;

describe('editor text in the interface language and in the document language', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('redraws the status margin and a broken reference’s warning when the interface language changes, without touching the document', async () => {
    await i18n.changeLanguage('en');
    const english = start('en');
    expect(firstStatus(english)).toMatchObject({ text: 'Pending', title: 'OP 1: Pending', label: 'Status of OP 1: Pending' });
    expect(brokenReference(english)).toMatchObject({ 'aria-label': 'Broken reference', title: 'Broken reference: the paragraph it pointed to was deleted' });
    await i18n.changeLanguage('fr');
    const french = announce(english);
    expect(french.doc).toBe(english.doc);
    expect(firstStatus(french)).toMatchObject({ text: 'En attente', title: 'OP 1\u00a0: En attente', label: 'État de OP 1\u00a0: En attente' });
    expect(brokenReference(french)).toMatchObject({ 'aria-label': 'Renvoi rompu', title: 'Renvoi rompu\u00a0: le paragraphe visé a été supprimé' });
    await i18n.changeLanguage('en');
    expect(firstStatus(announce(french)).title).toBe('OP 1: Pending');
  });

  it('names numbered parts and shows placeholders in the DOCUMENT’s language, whatever the interface’s', async () => {
    await i18n.changeLanguage('en');
    const names = (language: 'en' | 'fr') => numberingKey.getState(start(language))?.decorations.find().map((d) => attrsOf(d)['aria-label']) ?? [];
    expect(names('en')).toEqual(expect.arrayContaining(['Operative paragraph 2', 'Subparagraph (a) of operative paragraph 2']));
    expect(names('fr')).toEqual(expect.arrayContaining(['Paragraphe 2 du dispositif', 'Alinéa a), paragraphe 2 du dispositif']));
    const placeholders = (language: 'en' | 'fr') => placeholderDecorations(document(language)).find().map((d) => (d as unknown as { type: { attrs: Attrs } }).type.attrs['data-placeholder']);
    expect(placeholders('en')).toEqual(['Operative paragraph: Requests …;']);
    expect(placeholders('fr')).toEqual(['Paragraphe du dispositif\u00a0: Prie …\u00a0;']);
  });
});
