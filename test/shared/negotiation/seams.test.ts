import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../shared/document/export-text.js';
import { importText } from '../../../shared/import/index.js';
import { agreeBracket, collectBrackets, dropBracket } from '../../../shared/negotiation/index.js';
import { cleanViewDoc } from '../../../shared/negotiation/clean-view.js';
import { seamCut, seamMark, tidySeams } from '../../../shared/negotiation/seams.js';
import { apply, stateOf } from './helpers.js';

const text = `The General Assembly,

1. Condemns violence, [abuse (EU)], exploitation and [neglect (USA)] in all its forms;

2. Calls upon States to protect victims of trafficking, [forced labour (RUS)]; [and to assist them, (CAN)].

3. Urges States to act[, in particular (EU)] [now (USA)], [promptly (CHN)] and decisively.
`;

const doc = (): Node => importText(text).documents[0]!;
const line = (out: string, n: number): string => out.split('\n').find((l) => l.startsWith(`${n}.`)) ?? '';

describe('tidying where bracketed text was removed', () => {
  it('cuts doubled separators and stray spaces at a seam, keeping the stronger separator', () => {
    expect(seamCut('violence, ', ', exploitation')).toEqual({ left: 1, right: 1 });
    expect(seamCut('violence, ', '.')).toEqual({ left: 2, right: 0 });
    expect(seamCut('trafficking, ', '; and')).toEqual({ left: 2, right: 0 });
    expect(seamCut('one; ', ', two')).toEqual({ left: 1, right: 1 });
    expect(seamCut('remain ', ' vulnerable')).toEqual({ left: 0, right: 1 });
    expect(seamCut('report ', '¹')).toEqual({ left: 1, right: 0 });
    expect(seamCut('', ' Reaffirms')).toEqual({ left: 0, right: 1 });
    // Not certain: only the space before the comma goes.
    expect(seamCut('end: ', ', more')).toEqual({ left: 1, right: 0 });
    expect(seamCut('words', 'more')).toEqual({ left: 0, right: 0 });
    expect(tidySeams(`violence, ${seamMark}, exploitation and ${seamMark} in all`)).toBe('violence, exploitation and in all');
    expect(tidySeams(`a, ${seamMark} ${seamMark}, b`)).toBe('a, b');
    expect(tidySeams('no seam ,, here')).toBe('no seam ,, here');
  });

  it('writes a clean text without doubled commas or spaces, the clean view the same', () => {
    const clean = exportText(doc(), { view: 'clean' });
    expect(line(clean, 1)).toBe('1. *Condemns* violence, exploitation and in all its forms;');
    expect(line(clean, 2)).toBe('2. *Calls upon* States to protect victims of trafficking.');
    // Whether the comma after "now" goes with the words removed is not certain: it stays.
    expect(line(clean, 3)).toBe('3. *Urges* States to act, and decisively.');
    expect(exportText(cleanViewDoc(doc()))).toBe(clean);
  });

  it('drops a bracket, or agrees a deletion, without leaving a doubled separator in the document', () => {
    let state = stateOf(doc());
    const at = (t: string) => collectBrackets(state.doc).find((b) => b.text === t)?.pos ?? -1;
    state = apply(state, dropBracket(state, at('abuse')));
    state = apply(state, dropBracket(state, at('forced labour')));
    expect(line(exportText(state.doc), 1)).toBe('1. *Condemns* violence, exploitation and [neglect (USA)] in all its forms;');
    expect(line(exportText(state.doc), 2)).toBe('2. *Calls upon* States to protect victims of trafficking; [and to assist them, (CAN)].');
    state = apply(state, dropBracket(state, at('and to assist them,')));
    expect(line(exportText(state.doc), 2)).toBe('2. *Calls upon* States to protect victims of trafficking.');
  });

  it('agrees a deletion proposal between commas as one item less in the list', () => {
    const source = importText(text.replace('[abuse (EU)]', '[abuse (EU: delete)]')).documents[0]!;
    let state = stateOf(source);
    state = apply(state, agreeBracket(state, collectBrackets(state.doc).find((b) => b.deletion)?.pos ?? -1));
    expect(line(exportText(state.doc), 1)).toBe('1. *Condemns* violence, exploitation and [neglect (USA)] in all its forms;');
  });
});
