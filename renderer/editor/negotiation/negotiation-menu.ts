import { keymap } from '../commands/key-bindings.js';
import type { Command, Plugin } from 'prosemirror-state';
import type { Shortcut } from '../commands/shortcuts.js';
import {
  chooseAlternativeAt,
  mergeAlternativesAtCursor,
  requestAlternative,
  requestAttribution,
  requestMerge,
  requestParagraphAlternative,
} from './negotiation-actions.js';
import { agreeCurrentBracket, bracketSelection, dropCurrentBracket, toggleParagraphBracket } from './negotiation-commands.js';

/**
 * The facilitator actions as the negotiation toolbar and the help sheet show them: a name,
 * a short face, the key bound to the same command function, and a sentence for the help
 * sheet. The toolbar runs exactly these functions; it has no editing logic of its own.
 */

/** One facilitator action: `keys` in ProseMirror notation, `run` the command the key runs too. */
export type NegotiationAction = { id: string; label: string; face: string; keys: string; description: string; run: Command };

/** The facilitator actions in toolbar order (choosing an alternative is shown per alternative, see `chooseKeys`). */
export const negotiationActions: readonly NegotiationAction[] = [
  { id: 'bracket', label: 'Bracket selection', face: 'Bracket', keys: 'Mod-Alt-b', run: bracketSelection, description: 'Bracket the selected text (it stays selected inside the new bracket)' },
  { id: 'alternative', label: 'Add alternative…', face: 'Alternative…', keys: 'Mod-Alt-n', run: requestAlternative, description: 'Add an alternative to the bracket at the cursor, or bracket the selection with an alternative: [shall][should]' },
  { id: 'attribute', label: 'Attribute…', face: 'Attribute…', keys: 'Mod-Alt-g', run: requestAttribution, description: 'Choose the delegations that proposed, support or oppose the bracket at the cursor' },
  { id: 'agree', label: 'Agree bracket', face: 'Agree', keys: 'Mod-Alt-a', run: agreeCurrentBracket, description: 'Agree the bracket at the cursor: the brackets go, the text stays' },
  { id: 'drop', label: 'Drop bracket', face: 'Drop', keys: 'Mod-Alt-d', run: dropCurrentBracket, description: 'Drop the bracket at the cursor with its text' },
  { id: 'merge', label: 'Merge alternatives into this one', face: 'Merge', keys: 'Mod-Alt-m', run: mergeAlternativesAtCursor, description: 'Keep the alternative at the cursor and merge the others into it: their proposers join it' },
  { id: 'merge-with', label: 'Merge with another proposal…', face: 'Merge with…', keys: 'Mod-Alt-Shift-m', run: requestMerge, description: 'Merge another proposal of this paragraph into the bracket at the cursor: one bracket, both delegations (a wording keeps this text, a deletion and a replacement of the same text combine)' },
  { id: 'paragraph', label: 'Bracket or unbracket paragraph', face: '[¶]', keys: 'Mod-Alt-Shift-b', run: toggleParagraphBracket, description: 'Bracket the whole paragraph at the cursor, or unbracket it' },
  { id: 'paragraph-alternative', label: 'Add paragraph alternative…', face: '¶ alt…', keys: 'Mod-Alt-Shift-n', run: requestParagraphAlternative, description: 'Add an alternative version of the paragraph at the cursor (OP 7 alt), bracketed whole' },
];

/** The key that chooses alternative `index` (0-based) of the group at the cursor: Mod-Alt-1 ... Mod-Alt-9. */
export function chooseKeys(index: number): string {
  return `Mod-Alt-${index + 1}`;
}

/** The facilitator shortcuts for the help sheet, in toolbar order, choosing alternatives last. */
export const negotiationShortcuts: readonly Shortcut[] = [
  ...negotiationActions.map(({ keys, description }) => ({ keys, description })),
  { keys: 'Mod-Alt-1', description: 'In a group of alternatives: choose the first (Mod-Alt-2 the second … up to 9); the others go' },
];

/**
 * The keys of the facilitator actions not bound by `negotiationKeymap` (negotiation-commands.ts):
 * alternatives, attribution, merge, paragraph alternative, and choosing alternative 1 to 9.
 */
export function negotiationActionKeymap(): Plugin {
  const bound = new Set(['bracket', 'agree', 'drop', 'paragraph']);
  const bindings: Record<string, Command> = {};
  for (const action of negotiationActions) if (!bound.has(action.id)) bindings[action.keys] = action.run;
  for (let i = 0; i < 9; i++) bindings[chooseKeys(i)] = chooseAlternativeAt(i);
  return keymap(bindings);
}
