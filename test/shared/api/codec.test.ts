import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, fromBase64, parseCallFrame, parseServerFrame, toBase64, utf8Length } from '../../../shared/api/codec.js';

const withBytes = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.uint8Array({ maxLength: 64 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => k !== '$bytes' && k !== '__proto__'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('wire codec', () => {
  it('round-trips any JSON value with Uint8Arrays at any depth', () => {
    fc.assert(
      fc.property(withBytes, (value) => {
        expect(decodeWire(encodeWire(value))).toEqual(normalise(value));
      }),
    );
  });

  it('carries bytes as base64 in a $bytes object', () => {
    const text = encodeWire({ update: Uint8Array.of(0, 255, 16) });
    expect(JSON.parse(text)).toEqual({ update: { $bytes: 'AP8Q' } });
    const back = decodeWire(text) as { update: Uint8Array };
    expect(back.update).toBeInstanceOf(Uint8Array);
    expect([...back.update]).toEqual([0, 255, 16]);
  });

  it('measures UTF-8 length exactly, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (a, b) => {
        expect(utf8Length(a + b)).toBe(new TextEncoder().encode(a + b).byteLength);
      }),
    );
  });
});

describe('frames', () => {
  it('reads a call frame and keeps its arguments decoded', () => {
    const frame = parseCallFrame(encodeWire({ t: 'call', id: 7, channel: 'documents.open', args: { id: 'x', b: Uint8Array.of(1) } }));
    expect(frame).toEqual({ t: 'call', id: 7, channel: 'documents.open', args: { id: 'x', b: Uint8Array.of(1) } });
  });

  it('answers malformed client frames with an error instead of throwing', () => {
    expect(parseCallFrame('{not json')).toEqual({
      id: null,
      error: {
        code: 'invalid-argument',
        message: 'Malformed frame: not JSON, or bytes that are not base64.',
        text: { key: 'backend:transport.frameNotJson', values: {} },
      },
    });
    expect(parseCallFrame('null')).toMatchObject({ id: null, error: { code: 'invalid-argument' } });
    expect(parseCallFrame('{"t":"call","id":3}')).toMatchObject({ id: 3, error: { code: 'invalid-argument' } });
    expect(parseCallFrame('{"t":"call","id":"3","channel":"x"}')).toMatchObject({ id: null, error: { code: 'invalid-argument' } });
  });

  it('reads results and events from the server and ignores anything else', () => {
    expect(parseServerFrame('{"t":"result","id":1,"ok":true,"result":{"ok":true}}')).toEqual({ t: 'result', id: 1, ok: true, result: { ok: true } });
    expect(parseServerFrame('{"t":"event","event":"documents.changed","payload":{"ids":[]}}')).toMatchObject({ t: 'event' });
    expect(parseServerFrame('{"t":"result","id":"1","ok":true}')).toBeUndefined();
    expect(parseServerFrame('[]')).toBeUndefined();
    expect(parseServerFrame('garbage')).toBeUndefined();
  });
});

// JSON cannot hold -0: compare against what JSON itself gives back for it.
function normalise(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return typeof value === 'number' && Object.is(value, -0) ? 0 : value;
}

describe('base64', () => {
  it('matches the standard encoding and decodes it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses text that is not base64', () => {
    expect(() => fromBase64('abc')).toThrow(SyntaxError);
    expect(() => fromBase64('ab$=')).toThrow(SyntaxError);
    expect(() => fromBase64('a=bc')).toThrow(SyntaxError);
    expect(() => decodeWire('{"$bytes":"%%%%"}')).toThrow(SyntaxError);
  });
});
