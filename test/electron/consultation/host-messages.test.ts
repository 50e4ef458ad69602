import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessChangesNothing, messageType, readAwarenessEntries, readSyncUpdate, takeSyncUpdateInPlace } from '../../../electron/consultation/host-messages.js';
import { awarenessMessage, updateMessage } from './raw-client.js';

describe('takeSyncUpdateInPlace', () => {
  it('turns a sync update into an empty presence message, leaving the update it carried readable', () => {
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    for (const data of [updateMessage('d1', update), syncStep2('d1', update)]) {
      const carried = readSyncUpdate(data)!;
      expect(takeSyncUpdateInPlace(data)).toBe(true);
      expect(messageType(data)).toBe(1);
      expect(readAwarenessEntries(data, 1000)).toEqual([]);
      expect([...carried]).toEqual([...update]);
    }
  });

  it('leaves any other message as it was', () => {
    const presence = awarenessMessage('d1', [{ clientId: 7, clock: 1, state: {} }]);
    const step1 = new Uint8Array([2, 0x64, 0x31, 0, 0, 1, 0]);
    for (const data of [presence, step1, new Uint8Array([2, 0x64, 0x31]), new Uint8Array([2, 0x64, 0x31, 0, 2, 5, 1])]) {
      const copy = data.slice();
      expect(takeSyncUpdateInPlace(data)).toBe(false);
      expect(data).toEqual(copy);
    }
  });
});

// A sync step 2 message (sync, step 2, the update), as a provider answers the host's step 1.
function syncStep2(doc: string, update: Uint8Array): Uint8Array {
  const data = updateMessage(doc, update);
  // updateMessage writes the name, sync (0), update (2): step 2 is the same with 1.
  data[doc.length + 2] = 1;
  return data;
}

describe('awarenessChangesNothing', () => {
  const held = () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState(null);
    awareness.states.set(7, { a: 1 });
    awareness.meta.set(7, { clock: 3, lastUpdated: 0 });
    return awareness;
  };
  const msg = (entries: { clientId: number; clock: number; state: unknown }[], trailer?: Uint8Array) => awarenessMessage('d1', entries, trailer);

  it('is true for entries at or below the clock the host holds', () => {
    expect(awarenessChangesNothing(msg([{ clientId: 7, clock: 3, state: { a: 1 } }, { clientId: 7, clock: 2, state: { b: 2 } }]), held())).toBe(true);
    // A malformed state inside an entry that cannot apply is not parsed: nothing of it would apply.
    expect(awarenessChangesNothing(msg([{ clientId: 7, clock: 1, state: 'x' }]), held())).toBe(true);
  });

  it('is false for anything that could change the presence, or cannot be read whole', () => {
    const awareness = held();
    expect(awarenessChangesNothing(msg([{ clientId: 7, clock: 4, state: { a: 1 } }]), awareness)).toBe(false);
    expect(awarenessChangesNothing(msg([{ clientId: 7, clock: 3, state: null }]), awareness)).toBe(false);
    expect(awarenessChangesNothing(msg([{ clientId: 8, clock: 0, state: null }]), awareness)).toBe(false);
    expect(awarenessChangesNothing(msg([{ clientId: 7, clock: 3, state: {} }, { clientId: 9, clock: 1, state: {} }]), awareness)).toBe(false);
    expect(awarenessChangesNothing(msg([{ clientId: 7, clock: 3, state: {} }], new Uint8Array([0x85, 0x01, 0x02, 0xff])), awareness)).toBe(false);
    expect(awarenessChangesNothing(new Uint8Array([2, 0x64, 0x31, 0, 2]), awareness)).toBe(false);
  });
});
