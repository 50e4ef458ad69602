import type { Handlers } from '../../shared/api/contract.js';

/**
 * For tests of other parts than the lobby: the hosting backend's facilitator admits every
 * key that reaches the lobby, through the real channels (consultation.lobby, then
 * consultation.admit), polling every 50 ms. Returns the function that stops it.
 */
export function admitEveryone(host: Pick<Handlers, 'consultation.lobby' | 'consultation.admit'>): () => void {
  let stopped = false;
  const tick = async () => {
    while (!stopped) {
      try {
        const { pending } = await host['consultation.lobby']({});
        for (const p of pending) await host['consultation.admit']({ key: p.key });
      } catch {
        // Not hosting (yet, or any more): nothing to admit.
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  void tick();
  return () => {
    stopped = true;
  };
}
