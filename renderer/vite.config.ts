import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer build, used both by `npm run build:renderer` (output dist/renderer, loaded by
 * the Electron shell from disk, hence the relative `base`) and by the browser shell, which
 * serves `root` through Vite's middleware mode. JSX uses React's automatic runtime (no plugin).
 */
export const rendererConfig = defineConfig({
  root,
  base: './',
  clearScreen: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    // One copy of each: y-prosemirror and the editor must share Yjs and ProseMirror instances.
    dedupe: ['yjs', 'prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'prosemirror-transform'],
  },
  optimizeDeps: {
    entries: ['index.html'],
    // Listed up front so the first page load never triggers a re-optimisation reload.
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'prosemirror-model',
      'prosemirror-state',
      'prosemirror-view',
      'prosemirror-keymap',
      'prosemirror-commands',
      'yjs',
      'y-prosemirror',
      'zod',
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    // One bundle read from the local disk by Electron (or from 127.0.0.1): splitting it would
    // only add requests, so the web-oriented 500 kB warning does not apply.
    chunkSizeWarningLimit: 2000,
  },
});

export { rendererConfig as default };
