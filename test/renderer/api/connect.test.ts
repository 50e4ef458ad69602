import { describe, expect, it } from 'vitest';
import { chooseTransport } from '../../../renderer/api/connect.js';

const location = (search: string, protocol = 'http:') => ({ protocol, host: '127.0.0.1:4173', search });

describe('chooseTransport', () => {
  it('uses the Electron bridge when the preload exposed one, whatever the URL says', () => {
    const bridge = { invoke: async () => ({ ok: true, result: null }), on: () => () => {} };
    const choice = chooseTransport({ penholder: bridge, location: location('?token=abc') });
    expect(choice.kind).toBe('ipc');
    expect(choice.kind === 'ipc' && choice.bridge).toBe(bridge);
  });

  it('otherwise connects to /api on the page host with the page token', () => {
    expect(chooseTransport({ location: location('?token=s3cr%2Ft') })).toEqual({
      kind: 'websocket',
      url: 'ws://127.0.0.1:4173/api?token=s3cr%2Ft',
    });
    expect(chooseTransport({ location: location('?x=1&token=t', 'https:') })).toEqual({
      kind: 'websocket',
      url: 'wss://127.0.0.1:4173/api?token=t',
    });
  });

  it('ignores a penholder global that is not a bridge', () => {
    expect(chooseTransport({ penholder: { invoke: 'no' }, location: location('?token=t') }).kind).toBe('websocket');
  });

  it('says what to do when there is neither a bridge nor a token', () => {
    expect(() => chooseTransport({ location: location('') })).toThrow(/access token/);
    expect(() => chooseTransport({ location: location('?token=') })).toThrow(/npm run web/);
  });
});
