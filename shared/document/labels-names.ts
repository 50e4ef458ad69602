/**
 * Words of the document's own language that the editor shows around the text: the
 * placeholders of empty blocks ("Operative paragraph: Requests …;") and the spoken names of
 * numbered parts ("Operative paragraph 3", for assistive technology). They follow the
 * DOCUMENT's language, not the interface's: the editor's root carries the document's `lang`,
 * so a screen reader speaks these names with the document's voice, and a placeholder shows
 * how a paragraph of that language opens (the openers are the phrase lists' own, the body line
 * the conventions' first). Templates use `{n}` (a number), `{label}` (a printed label such as
 * "(b)" or "b)"), `{name}` and `{parent}` (a part and the part it sits in) and `{path}`.
 */
import { conventions } from '../../seeds/conventions/index.js';
import type { Language } from './labels.js';

/** The empty-block placeholders of one language, by block. */
export type Placeholders = {
  preambular: string;
  operative: string;
  decision: string;
  subparagraph: string;
  listItem: string;
  title: string;
  annexTitle: string;
  annexText: string;
};

/** The spoken names of numbered parts in one language (templates, see the module comment). */
export type PartNames = {
  pp: string;
  op: string;
  sub: string;
  decision: string;
  item: string;
  footnote: string;
  within: string;
  ppParent: string;
  opParent: string;
  reference: string;
};

const placeholders: Readonly<Record<Language, Placeholders>> = {
  en: { preambular: 'Preambular paragraph: Recalling …,', operative: 'Operative paragraph: Requests …;', decision: 'Lettered paragraph: Decides …;', subparagraph: 'Subparagraph …;', listItem: 'List item', title: 'Title of the resolution', annexTitle: 'Title of the annex', annexText: 'Text of the annex' },
  fr: { preambular: 'Alinéa du préambule\u00a0: Rappelant …,', operative: 'Paragraphe du dispositif\u00a0: Prie …\u00a0;', decision: 'Paragraphe numéroté par une lettre\u00a0: Décide …\u00a0;', subparagraph: 'Alinéa …\u00a0;', listItem: 'Élément de la liste', title: 'Titre de la résolution', annexTitle: 'Titre de l’annexe', annexText: 'Texte de l’annexe' },
  es: { preambular: 'Párrafo del preámbulo: Recordando …,', operative: 'Párrafo dispositivo: Solicita …;', decision: 'Párrafo con letra: Decide …;', subparagraph: 'Apartado …;', listItem: 'Elemento de la lista', title: 'Título de la resolución', annexTitle: 'Título del anexo', annexText: 'Texto del anexo' },
  ru: { preambular: 'Пункт преамбулы: ссылаясь на …,', operative: 'Пункт постановляющей части: просит …;', decision: 'Пункт с буквой: постановляет …;', subparagraph: 'Подпункт …;', listItem: 'Элемент списка', title: 'Название резолюции', annexTitle: 'Название приложения', annexText: 'Текст приложения' },
  ar: { preambular: 'فقرة من الديباجة: إذ تشير …،', operative: 'فقرة من المنطوق: تطلب …؛', decision: 'فقرة بحرف: تقرر …؛', subparagraph: 'فقرة فرعية …؛', listItem: 'بند في قائمة', title: 'عنوان القرار', annexTitle: 'عنوان المرفق', annexText: 'نص المرفق' },
  zh: { preambular: '序言段落：回顾……，', operative: '执行段落：请……；', decision: '字母编号段落：决定……；', subparagraph: '分段……；', listItem: '列表项', title: '决议标题', annexTitle: '附件标题', annexText: '附件案文' },
};

const partNames: Readonly<Record<Language, PartNames>> = {
  en: { pp: 'Preambular paragraph {n}', op: 'Operative paragraph {n}', sub: 'Subparagraph {label}', decision: 'Paragraph {label}', item: 'List item {n}', footnote: 'Footnote {n}', within: '{name} of {parent}', ppParent: 'preambular paragraph {n}', opParent: 'operative paragraph {n}', reference: 'Reference to {path}' },
  fr: { pp: 'Alinéa {n} du préambule', op: 'Paragraphe {n} du dispositif', sub: 'Alinéa {label}', decision: 'Paragraphe {label}', item: 'Élément {n} de la liste', footnote: 'Note {n}', within: '{name}, {parent}', ppParent: 'alinéa {n} du préambule', opParent: 'paragraphe {n} du dispositif', reference: 'Renvoi à {path}' },
  es: { pp: 'Párrafo {n} del preámbulo', op: 'Párrafo dispositivo {n}', sub: 'Apartado {label}', decision: 'Párrafo {label}', item: 'Elemento {n} de la lista', footnote: 'Nota {n}', within: '{name}, {parent}', ppParent: 'párrafo {n} del preámbulo', opParent: 'párrafo dispositivo {n}', reference: 'Referencia a {path}' },
  ru: { pp: 'Пункт преамбулы {n}', op: 'Пункт постановляющей части {n}', sub: 'Подпункт {label}', decision: 'Пункт {label}', item: 'Элемент списка {n}', footnote: 'Сноска {n}', within: '{name}, {parent}', ppParent: 'пункт преамбулы {n}', opParent: 'пункт постановляющей части {n}', reference: 'Ссылка на {path}' },
  ar: { pp: 'الفقرة {n} من الديباجة', op: 'الفقرة {n} من المنطوق', sub: 'الفقرة الفرعية {label}', decision: 'الفقرة {label}', item: 'البند {n} من القائمة', footnote: 'الحاشية {n}', within: '{name}، {parent}', ppParent: 'الفقرة {n} من الديباجة', opParent: 'الفقرة {n} من المنطوق', reference: 'إحالة إلى {path}' },
  zh: { pp: '序言部分第{n}段', op: '执行部分第{n}段', sub: '分段{label}', decision: '段落{label}', item: '列表第{n}项', footnote: '脚注{n}', within: '{parent}，{name}', ppParent: '序言部分第{n}段', opParent: '执行部分第{n}段', reference: '援引{path}' },
};

/** The placeholders of empty blocks in documents of `language`. */
export function placeholdersFor(language: Language): Readonly<Placeholders> {
  return placeholders[language];
}

/** The body-line placeholder of `language`: its first authoring body line ("The General Assembly,", "L’Assemblée générale,"). */
export function bodyLinePlaceholder(language: Language): string {
  return conventions[language].bodyLines[0] ?? '';
}

/** The spoken names of numbered parts in documents of `language`. */
export function partNamesFor(language: Language): Readonly<PartNames> {
  return partNames[language];
}

/** `template` with each `{name}` replaced by `values[name]` (left as is when absent). */
export function fillName(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
