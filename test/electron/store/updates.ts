import * as Y from 'yjs';

/**
 * Real Yjs updates for store tests (the store reads their client ids and delete sets):
 * a writer on its own Y.Doc (gc off, as the backend keeps documents) whose every call
 * returns the one update the change produced.
 */
export type Writer = {
  readonly doc: Y.Doc;
  /** Inserts `text` at `index` of the shared text "t". */
  insert(text: string, index?: number): Uint8Array;
  /** Deletes `length` characters at `index`. */
  remove(index: number, length: number): Uint8Array;
  /** The shared text now. */
  text(): string;
};

/** A new writer; `clientID` fixes the Yjs client id (random otherwise). */
export function writer(clientID?: number): Writer {
  const doc = new Y.Doc({ gc: false });
  if (clientID !== undefined) doc.clientID = clientID;
  const capture = (change: () => void): Uint8Array => {
    let out: Uint8Array | undefined;
    const listener = (u: Uint8Array) => (out = u);
    doc.on('update', listener);
    change();
    doc.off('update', listener);
    if (!out) throw new Error('the change produced no update');
    return out;
  };
  const t = doc.getText('t');
  return {
    doc,
    insert: (text, index = t.length) => capture(() => t.insert(index, text)),
    remove: (index, length) => capture(() => t.delete(index, length)),
    text: () => t.toString(),
  };
}

/** The text "t" of the state `updates` make, applied in order on a fresh Y.Doc. */
export function textOf(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc({ gc: false });
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}
