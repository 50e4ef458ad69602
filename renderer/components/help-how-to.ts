import { t } from '../i18n/index.js';

/**
 * The "how to" at the top of the help sheet: a few steps per role, in plain words, naming
 * the buttons and menus as the screen shows them. The words are in the help catalogue
 * (help:howTo.<id>.title / .who / .step1…), in the interface language; keys are written in
 * ProseMirror notation ("Mod-Alt-s") and shown in the platform's words by help-sheet.tsx.
 */

/** One role's how-to: a heading, one line saying who it is for, and its steps in order. */
export type HowTo = { id: string; title: string; who: string; steps: readonly string[] };

// The roles in the order a newcomer meets them, and how many steps each has in the catalogue.
const roles: readonly { id: string; steps: number }[] = [
  { id: 'draft', steps: 4 },
  { id: 'negotiate', steps: 4 },
  { id: 'host', steps: 4 },
  { id: 'join', steps: 3 },
];

/** The four roles' how-tos (draft, negotiate, host, join) in the current interface language. */
export function howTos(): HowTo[] {
  return roles.map(({ id, steps }) => ({
    id,
    title: t(`help:howTo.${id}.title`),
    who: t(`help:howTo.${id}.who`),
    steps: Array.from({ length: steps }, (_, i) => t(`help:howTo.${id}.step${i + 1}`)),
  }));
}
