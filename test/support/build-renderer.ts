/**
 * Vitest global setup of the browser tests: builds the renderer once into a temporary folder
 * and provides the folder as `rendererDir`. The e2e shells serve that build, as the desktop
 * app loads dist/renderer, instead of each test file starting a Vite dev server and
 * transforming every module again for its first page (a few seconds of CPU per file, in a
 * suite of some forty files).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { RENDERER_VITE_CONFIG } from '../../electron/web/web-shell.js';

// Vitest types what `provide` carries by declaration merging, which only an interface allows.
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /** The renderer built once for this run (index.html and assets/). */
    rendererDir: string;
  }
}

/** Builds the renderer for the e2e shells and provides its folder; returns the cleanup. */
export async function setup(project: TestProject): Promise<() => void> {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'penholder-test-renderer-'));
  await build({ configFile: RENDERER_VITE_CONFIG, logLevel: 'warn', build: { outDir: rendererDir, emptyOutDir: true } });
  project.provide('rendererDir', rendererDir);
  return () => rmSync(rendererDir, { recursive: true, force: true });
}
