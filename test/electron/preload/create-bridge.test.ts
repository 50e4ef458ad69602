import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from '../../../electron/preload/create-bridge.js';
import { messageText } from '../../../shared/i18n/message.js';

// The preload's logic over an in-memory stand-in for ipcRenderer (Electron's, not ours).

function memoryTransport() {
  const invoked: unknown[][] = [];
  const listeners = new Set<(name: unknown, payload: unknown) => void>();
  const transport: BridgeTransport = {
    invoke: (channel, args) => {
      invoked.push([channel, args]);
      return Promise.resolve({ ok: true, result: channel });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (name: unknown, payload: unknown) => {
    for (const l of [...listeners]) l(name, payload);
  };
  return { transport, invoked, listeners, emit };
}

describe('createBridge', () => {
  it('passes contract channels to IPC and refuses others without touching it', async () => {
    const { transport, invoked } = memoryTransport();
    const bridge = createBridge(transport);
    await expect(bridge.invoke('documents.list', {})).resolves.toEqual({ ok: true, result: 'documents.list' });
    const refused = await bridge.invoke('constructor' as 'documents.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(invoked).toEqual([['documents.list', {}]]);
    // The preload cannot bundle the catalogues: its English sentence, written by hand, must be the catalogue's.
    if (refused.ok || !refused.error.text) throw new Error('expected a refusal with a text');
    expect(refused.error.message).toBe(messageText(refused.error.text));
    expect(messageText(refused.error.text, 'fr')).toBe('Canal inconnu\u00a0: constructor');
  });

  it('delivers only the subscribed event, payload only, until unsubscribed', () => {
    const { transport, listeners, emit } = memoryTransport();
    const bridge = createBridge(transport);
    const seen: unknown[] = [];
    const off = bridge.on('document.update', (payload) => seen.push(payload));
    emit('document.update', { id: 'a' });
    emit('documents.changed', { ids: [] });
    off();
    off();
    emit('document.update', { id: 'b' });
    expect(seen).toEqual([{ id: 'a' }]);
    expect(listeners.size).toBe(0);
  });

  it('refuses unknown events and non-function listeners', () => {
    const bridge = createBridge(memoryTransport().transport);
    expect(() => bridge.on('__proto__' as 'document.update', () => undefined)).toThrow(/Unknown event/);
    expect(() => bridge.on('document.update', 'x' as unknown as () => void)).toThrow(/function/);
  });
});
