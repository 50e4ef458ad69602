import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { enabledMask } from '../../../renderer/components/editor-toolbar.js';
import { editorCommandGroups } from '../../../renderer/editor/commands/editor-commands.js';
import { suggestionKey, suggestionPlugin } from '../../../renderer/editor/negotiation/suggestion-plugin.js';
import { sampleResolution } from '../../shared/document/sample-documents.js';
import { rangeOf } from '../../shared/negotiation/helpers.js';

const ids = editorCommandGroups.flatMap((group) => group.commands.map((command) => command.id));
const offered = (mask: string) => ids.filter((_id, i) => mask[i] === '1');

// The sample resolution with the cursor in the text of its first operative paragraph.
function stateInOp(): EditorState {
  const state = EditorState.create({ doc: sampleResolution(), plugins: [suggestionPlugin()] });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, rangeOf(state.doc, 'Encourages').to)));
}

describe('editing toolbar state', () => {
  it('offers the structure commands that apply at the cursor when editing', () => {
    expect(offered(enabledMask(stateInOp()))).toEqual(expect.arrayContaining(['new-pp', 'new-op', 'footnote']));
  });

  it('greys every structure command while acting as a delegation (only undo and redo may stay) or reading only', () => {
    for (const mode of ['suggest', 'read-only'] as const) {
      const state = stateInOp();
      const acting = state.apply(state.tr.setMeta(suggestionKey, { config: { mode, delegation: 'CAN' } }));
      expect(suggestionKey.getState(acting)?.mode).toBe(mode);
      const left = offered(enabledMask(acting));
      expect(left.filter((id) => id !== 'undo' && id !== 'redo')).toEqual([]);
      if (mode === 'read-only') expect(left).toEqual([]);
    }
  });
});
