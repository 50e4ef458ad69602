import { describe, expect, it } from 'vitest';
import { ApiError, channels, parseCall } from '../../../shared/api/contract.js';

describe('parseCall', () => {
  it('accepts every channel with a valid argument', () => {
    expect(parseCall('documents.open', { id: 'abc' })).toEqual({ channel: 'documents.open', args: { id: 'abc' } });
    expect(parseCall('documents.list', undefined)).toEqual({ channel: 'documents.list', args: {} });
    expect(channels).toContain('documents.applyUpdate');
  });

  it('refuses names inherited from Object.prototype as unknown channels', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(() => parseCall(name, {})).toThrowError(expect.objectContaining({ code: 'unknown-channel' }));
    }
  });

  it('refuses extra keys, wrong types and non-binary updates with invalid-argument', () => {
    const bad: [string, unknown][] = [
      ['documents.open', { id: 'x', extra: 1 }],
      ['documents.open', { id: '' }],
      ['documents.applyUpdate', { id: 'x', update: [1, 2, 3] }],
      ['documents.importText', { text: 42 }],
    ];
    for (const [channel, args] of bad) {
      let caught: unknown;
      try {
        parseCall(channel, args);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(ApiError);
      expect((caught as ApiError).code).toBe('invalid-argument');
      expect((caught as ApiError).message).toContain(channel);
    }
  });

  it('accepts any Uint8Array as an update', () => {
    const update = new Uint8Array(new SharedArrayBuffer(4));
    expect(parseCall('documents.applyUpdate', { id: 'x', update }).args).toEqual({ id: 'x', update });
  });
});
