import delegationsJson from './delegations.json' with { type: 'json' };
import arJson from './phrases/ar.json' with { type: 'json' };
import enJson from './phrases/en.json' with { type: 'json' };
import esJson from './phrases/es.json' with { type: 'json' };
import frJson from './phrases/fr.json' with { type: 'json' };
import ruJson from './phrases/ru.json' with { type: 'json' };
import zhJson from './phrases/zh.json' with { type: 'json' };
import blankJson from './templates/blank-resolution.json' with { type: 'json' };
import ccpcjJson from './templates/ccpcj-resolution.json' with { type: 'json' };
import cndJson from './templates/cnd-resolution.json' with { type: 'json' };
import decisionJson from './templates/decision.json' with { type: 'json' };
import ecosocJson from './templates/ecosoc-resolution.json' with { type: 'json' };
import commissionJson from './templates/functional-commission-resolution.json' with { type: 'json' };
import gaJson from './templates/general-assembly-resolution.json' with { type: 'json' };
import type { Delegation, Gender, PhraseLanguage, PhraseList, PhrasePart, Template } from './types.js';

export type {
  Delegation,
  DelegationType,
  Gender,
  GenderedPair,
  PhraseLanguage,
  PhraseList,
  PhrasePart,
  SeedMark,
  SeedNode,
  Template,
  TemplateKind,
} from './types.js';

// Plain JSON imports with the `json` attribute: Node (tsx, and native ESM) requires it, and
// Vite and esbuild accept it, so the backend, the renderer and shared/ all read the same data
// without any file-system access. The data is frozen because every importer shares it.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The document templates, in the order a "new document" menu shows them: blank resolution,
 * General Assembly, ECOSOC, the functional commissions (Commission on the Status of Women,
 * Commission on Crime Prevention and Criminal Justice, Commission on Narcotic Drugs), decision.
 * Each `doc` passes `resolutionSchema.nodeFromJSON(doc).check()`; its ids are fixed placeholders,
 * so give a new document `withFreshIds(template.doc)`.
 */
export const templates: readonly Template[] = deepFreeze(
  [blankJson, gaJson, ecosocJson, commissionJson, ccpcjJson, cndJson, decisionJson] as Template[],
);

/** The opener phrase lists, by language (the six official languages). */
export const phraseLists: Readonly<Record<PhraseLanguage, PhraseList>> = deepFreeze({
  en: enJson as PhraseList,
  fr: frJson as PhraseList,
  es: esJson as PhraseList,
  ar: arJson as PhraseList,
  zh: zhJson as PhraseList,
  ru: ruJson as PhraseList,
});

/**
 * The delegations: the 193 Member States, then the two observer States, then negotiating groups,
 * then organizations. Codes are unique; States use ISO 3166-1 alpha-3 codes.
 */
export const delegations: readonly Delegation[] = deepFreeze(delegationsJson as Delegation[]);

/** The template with this id, or undefined. */
export function findTemplate(id: string): Template | undefined {
  return templates.find((t) => t.id === id);
}

/**
 * Lower-cased, without diacritics, typographic apostrophes folded to "'" and spaces collapsed,
 * so that "cote d'ivoire" finds "Côte d’Ivoire" and "Turkiye" finds "Türkiye".
 */
function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const byCode = new Map(delegations.map((d) => [d.code, d]));
const byName = new Map(delegations.map((d) => [normalizeName(d.name), d]));
// "Bolivia" for "Bolivia (Plurinational State of)", "Netherlands" for "Netherlands (Kingdom of
// the)": sponsor lists and older texts often drop the qualifier.
const byStem = new Map(
  delegations
    .filter((d) => d.name.includes(' ('))
    .map((d) => [normalizeName(d.name.slice(0, d.name.indexOf(' ('))), d]),
);

/**
 * The delegation with this code (any case, e.g. "can", "G77") or this name (ignoring case,
 * diacritics, apostrophe style and a dropped parenthetical qualifier such as "(Islamic Republic
 * of)"), or undefined. A code wins over a name.
 */
export function findDelegation(codeOrName: string): Delegation | undefined {
  const key = codeOrName.trim();
  const n = normalizeName(key);
  return byCode.get(key.toUpperCase()) ?? byName.get(n) ?? byStem.get(n);
}

/**
 * The phrases of one part of one language. With `gender`, forms that agree with the other
 * gender are left out (for the General Assembly in French: "Consciente", not "Conscient");
 * invariable phrases are always included. Order is the list's (alphabetical).
 */
export function phrasesFor(language: PhraseLanguage, part: PhrasePart, gender?: Gender): string[] {
  const list = phraseLists[language];
  if (!gender) return [...list[part]];
  const other: Gender = gender === 'feminine' ? 'masculine' : 'feminine';
  const excluded = new Set(list.gendered.map((pair) => pair[other]));
  return list[part].filter((p) => !excluded.has(p));
}

/**
 * The form of `phrase` that agrees with `gender` ("Préoccupé" -> "Préoccupée" for feminine);
 * a phrase that is invariable or unknown comes back unchanged.
 */
export function agreeingForm(language: PhraseLanguage, phrase: string, gender: Gender): string {
  const pair = phraseLists[language].gendered.find((p) => p.masculine === phrase || p.feminine === phrase);
  return pair ? pair[gender] : phrase;
}
