import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../bench/_fuzz-run.js';

// The CI sample of `npm run bench -- fuzz-host`: 300 seeded hostile inputs against a live
// host in its own process (real store, TLS, pre-admitted keys). A fixed seed, so a failure
// is reproduced with `npm run bench -- fuzz-host --updates 300 --seed 13`.
describe('a live host under 300 hostile inputs', () => {
  it('neither crashes nor hangs, and keeps its document, store and presence as they were', async () => {
    const r = await runFuzz({ updates: 300, seed: 13 });
    expect(r.updates).toBe(300);
    expect(r.crashes).toBe(0);
    expect({ hangs: r.hangs, slow: r.slow }).toEqual({ hangs: 0, slow: [] });
    expect(r.maxMs).toBeLessThan(1000);
    expect(r.probeMaxMs).toBeLessThan(1000);
    expect(r.accepted).toEqual([]);
    expect(r.after?.storeSeq).toBe(r.before.storeSeq);
    expect(r.after?.storeHash).toBe(r.before.storeHash);
    expect(r.after?.hostHash).toBe(r.before.hostHash);
    expect(r.unchanged).toBe(true);
    expect(r.presenceKept).toBe(true);
    // The host still takes a legitimate edit afterwards, so "unchanged" is not a dead host.
    expect(r.controlAccepted).toBe(true);
    // The sample reaches the holes the issue names.
    for (const kind of ['update:forged-proposer', 'update:nested-others', 'update:supporters-for-others', 'update:duplicate-id', 'update:root-map', 'presence-forgery', 'stateless', 'preauth-random', 'claims-usa']) {
      expect(r.kinds[kind] ?? 0, kind).toBeGreaterThan(0);
    }
  }, 60_000);
});
