import { readFileSync } from 'node:fs';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { negotiationSnapshot } from '../../../renderer/components/negotiation-toolbar.js';
import { suggestionKey, suggestionPlugin } from '../../../renderer/editor/negotiation/suggestion-plugin.js';
import { importText } from '../../../shared/import/index.js';

// The GA compilation text, the cursor inside its first alternative group ("[Recalling][Reaffirming]").
function stateInGroup(): EditorState {
  const doc = importText(readFileSync('test/fixtures/negotiation/ga-third-committee-rev1.txt', 'utf8')).documents[0]!;
  let inGroup = -1;
  doc.descendants((node, pos) => {
    if (inGroup < 0 && node.type.name === 'bracket_alternatives') inGroup = pos + 3;
    return inGroup < 0;
  });
  const state = EditorState.create({ doc, plugins: [suggestionPlugin()] });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, inGroup)));
}

describe('negotiation toolbar state', () => {
  it('offers the facilitator actions at a bracket and the alternatives of its group', () => {
    const snapshot = negotiationSnapshot(stateInGroup());
    expect(snapshot.mask).toContain('1');
    expect(snapshot.group?.options.length).toBeGreaterThan(1);
  });

  it('greys every facilitator action while acting as a delegation or reading only', () => {
    for (const mode of ['suggest', 'read-only'] as const) {
      const state = stateInGroup();
      const acting = state.apply(state.tr.setMeta(suggestionKey, { config: { mode, delegation: 'CAN' } }));
      expect(suggestionKey.getState(acting)?.mode).toBe(mode);
      const snapshot = negotiationSnapshot(acting);
      expect(snapshot.mask).not.toContain('1');
      expect(snapshot.group).toBeNull();
    }
  });
});
