import { describe, expect, it } from 'vitest';
import { connectIpcApi, findIpcBridge } from '../../../renderer/api/ipc-client.js';
import type { PenholderBridge } from '../../../shared/api/bridge.js';
import { ApiError } from '../../../shared/api/contract.js';

// The renderer's side of the IPC transport against bridges that answer the ways the
// preload can: results, error data, rejections, garbage.

const answering = (answer: () => Promise<unknown>): PenholderBridge => ({
  invoke: () => answer() as ReturnType<PenholderBridge['invoke']>,
  on: () => () => undefined,
});

describe('connectIpcApi', () => {
  it('returns results and passes the call through unchanged', async () => {
    const calls: unknown[][] = [];
    const bridge: PenholderBridge = {
      invoke: (channel, args) => {
        calls.push([channel, args]);
        return Promise.resolve({ ok: true, result: [] });
      },
      on: () => () => undefined,
    };
    await expect(connectIpcApi(bridge).invoke('documents.list', {})).resolves.toEqual([]);
    expect(calls).toEqual([['documents.list', {}]]);
  });

  it('throws an ApiError with the code and message of an error answer', async () => {
    const client = connectIpcApi(answering(async () => ({ ok: false, error: { code: 'not-found', message: 'No such document' } })));
    const call = client.invoke('documents.open', { id: 'x' });
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ code: 'not-found', message: 'No such document' });
  });

  it('carries the catalogue message of an error answer and drops one that is malformed', async () => {
    const text = { key: 'backend:api.unknownChannel', values: { channel: 'x' } };
    const answer = (t: unknown) => connectIpcApi(answering(async () => ({ ok: false, error: { code: 'not-found', message: 'Unknown channel: x', text: t } })));
    await expect(answer(text).invoke('documents.list', {})).rejects.toMatchObject({ code: 'not-found', text });
    for (const bad of [{ key: '' }, { key: 'a', values: { v: { key: 7 } } }, 'backend:api.unknownChannel', { key: 'a', values: [1] }]) {
      const err: unknown = await answer(bad).invoke('documents.list', {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'not-found', message: 'Unknown channel: x', text: undefined });
    }
  });

  it('reports transport failures and malformed answers as internal errors', async () => {
    const crashed = connectIpcApi(answering(() => Promise.reject(new Error('render process gone'))));
    await expect(crashed.invoke('documents.list', {})).rejects.toMatchObject({ code: 'internal', message: /render process gone/ });
    for (const garbage of [undefined, 'ok', { ok: 'yes' }, { ok: false, error: { code: 'teapot', message: 'x' } }]) {
      const client = connectIpcApi(answering(async () => garbage));
      await expect(client.invoke('documents.list', {})).rejects.toMatchObject({ code: 'internal' });
    }
  });

  it('subscribes through the bridge and returns its unsubscribe function', () => {
    const listeners: Array<(payload: unknown) => void> = [];
    let unsubscribed = 0;
    const bridge: PenholderBridge = {
      invoke: () => Promise.resolve({ ok: true, result: null }),
      on: (_event, listener) => {
        listeners.push(listener);
        return () => void unsubscribed++;
      },
    };
    const seen: string[][] = [];
    const off = connectIpcApi(bridge).on('documents.changed', ({ ids }) => seen.push(ids));
    for (const l of listeners) l({ ids: ['a'] });
    off();
    expect(seen).toEqual([['a']]);
    expect(unsubscribed).toBe(1);
  });
});

describe('findIpcBridge', () => {
  it('finds window.penholder only when it has invoke and on', () => {
    const bridge = answering(async () => null);
    expect(findIpcBridge({ penholder: bridge })).toBe(bridge);
    expect(findIpcBridge({})).toBeUndefined();
    expect(findIpcBridge({ penholder: { invoke: () => null } })).toBeUndefined();
  });
});
