import { keymap } from '../commands/key-bindings.js';
import type { Command, Plugin } from 'prosemirror-state';
import { described, type Shortcut } from '../commands/shortcuts.js';
import { t } from '../../i18n/index.js';
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

// One action: its names from the editor catalogue (editor:actions.<id>), its description from
// the help sheet's (help:editorKeys.negotiation.<keys>), all read in the interface language when read.
function facilitatorAction(id: string, keys: string, run: Command): NegotiationAction {
  return {
    id,
    keys,
    run,
    get label() {
      return t(`editor:actions.${id}.label`);
    },
    get face() {
      return t(`editor:actions.${id}.face`);
    },
    get description() {
      return described(keys, 'negotiation').description;
    },
  };
}

/** The facilitator actions in toolbar order (choosing an alternative is shown per alternative, see `chooseKeys`). */
export const negotiationActions: readonly NegotiationAction[] = [
  facilitatorAction('bracket', 'Mod-Alt-b', bracketSelection),
  facilitatorAction('alternative', 'Mod-Alt-n', requestAlternative),
  facilitatorAction('attribute', 'Mod-Alt-g', requestAttribution),
  facilitatorAction('agree', 'Mod-Alt-a', agreeCurrentBracket),
  facilitatorAction('drop', 'Mod-Alt-d', dropCurrentBracket),
  facilitatorAction('merge', 'Mod-Alt-m', mergeAlternativesAtCursor),
  facilitatorAction('merge-with', 'Mod-Alt-Shift-m', requestMerge),
  facilitatorAction('paragraph', 'Mod-Alt-Shift-b', toggleParagraphBracket),
  facilitatorAction('paragraph-alternative', 'Mod-Alt-Shift-n', requestParagraphAlternative),
];

/** The key that chooses alternative `index` (0-based) of the group at the cursor: Mod-Alt-1 ... Mod-Alt-9. */
export function chooseKeys(index: number): string {
  return `Mod-Alt-${index + 1}`;
}

/** The facilitator shortcuts for the help sheet, in toolbar order, choosing alternatives last. */
export const negotiationShortcuts: readonly Shortcut[] = [
  ...negotiationActions.map(({ keys }) => described(keys, 'negotiation')),
  described('Mod-Alt-1', 'negotiation'),
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
