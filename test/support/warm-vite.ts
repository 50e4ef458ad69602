/**
 * Vitest global setup of the Node tests: optimises the renderer's dependencies once, before
 * any test file starts a Vite dev server (the browser shell's own tests). On a fresh clone
 * the Vite cache is empty, and two dev servers in parallel workers would otherwise optimise
 * into the same cache folder at once, replacing each other's files under pages that are
 * loading them.
 */
import { optimizeDeps, resolveConfig } from 'vite';
import { RENDERER_VITE_CONFIG } from '../../electron/web/web-shell.js';

/** Runs Vite's dependency optimiser for the renderer config (a no-op when the cache is current). */
export async function setup(): Promise<void> {
  const config = await resolveConfig({ configFile: RENDERER_VITE_CONFIG, logLevel: 'warn' }, 'serve');
  await optimizeDeps(config);
}
