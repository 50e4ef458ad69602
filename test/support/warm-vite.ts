/**
 * Vitest global setup: optimises the renderer's dependencies once, before any test file
 * starts a browser shell. On a fresh clone the Vite cache is empty, and several browser
 * shells (in one test file or in parallel workers) would otherwise optimise into the same
 * cache folder at once, replacing each other's files under pages that are loading them.
 */
import { optimizeDeps, resolveConfig } from 'vite';
import { RENDERER_VITE_CONFIG } from '../../electron/web/web-shell.js';

/** Runs Vite's dependency optimiser for the renderer config (a no-op when the cache is current). */
export async function setup(): Promise<void> {
  const config = await resolveConfig({ configFile: RENDERER_VITE_CONFIG, logLevel: 'warn' }, 'serve');
  await optimizeDeps(config);
}
