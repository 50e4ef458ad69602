import * as Y from 'yjs';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import { collectBrackets, type BracketInfo } from '../../../shared/negotiation/model.js';
import { prosemirrorFragment, yDocToDoc } from '../../../shared/ydoc.js';
import type { Update } from './edits.js';

/**
 * Test helpers that act as a facilitator on a document replica: ProseMirror transactions of
 * the negotiation operations, sent to the backend as the one Yjs update they make.
 */

/** Runs facilitator actions on the replica, in order, and sends the resulting update with `send`. */
export async function act(send: (update: Update) => Promise<unknown>, replica: Y.Doc, ...steps: ((state: EditorState) => Transaction | null)[]): Promise<void> {
  let state = EditorState.create({ doc: yDocToDoc(replica) });
  for (const step of steps) {
    const tr = step(state);
    if (!tr) throw new Error('a facilitator action did not apply');
    state = state.apply(tr);
  }
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array) => updates.push(u);
  replica.on('update', listener);
  replica.transact(() => updateYFragment(replica, prosemirrorFragment(replica), state.doc, { mapping: new Map(), isOMark: new Map() }));
  replica.off('update', listener);
  await send(Y.mergeUpdates(updates) as Update);
}

/** The inline bracket whose text is `text`. */
export function bracketPos(doc: Node, text: string): BracketInfo {
  const b = collectBrackets(doc).find((x) => x.text === text && x.kind === 'inline');
  if (!b) throw new Error(`no bracket "${text}"`);
  return b;
}

/** The position of the alternative group holding the bracket whose text is `memberText`. */
export function groupPos(doc: Node, memberText: string): number {
  return doc.resolve(bracketPos(doc, memberText).pos).before();
}

/** The position of the first operative paragraph whose text starts with `startsWith`, or -1. */
export function paragraphPos(doc: Node, startsWith: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === 'operative_paragraph' && node.textContent.startsWith(startsWith)) found = pos;
    return found < 0;
  });
  return found;
}
