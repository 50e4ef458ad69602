// @ts-check
/**
 * The layering rule of DESIGN.md, as ESLint `no-restricted-imports` per folder:
 * schemas <- shared <- electron (backend) <- electron/main; shared <- renderer.
 * Only electron/main and electron/preload may import 'electron'.
 */
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

const noNode = { group: nodeBuiltins, message: 'No Node APIs here (layering rule, DESIGN.md).' };
const noElectron = { group: ['electron', 'electron/*'], message: "Only electron/main and electron/preload may import 'electron'." };
const noSqlite = { group: ['better-sqlite3'], message: 'Only the backend (electron/) may use better-sqlite3.' };
const noBackendFolders = { group: ['**/electron/**', '**/electron'], message: 'Import the backend only through the API contract (shared/api).' };
const noRenderer = { group: ['**/renderer/**', '**/renderer'], message: 'Nothing below the renderer may import it.' };
const noUi = { group: ['react', 'react-dom', 'react-dom/*', 'prosemirror-view'], message: 'No UI code here (layering rule).' };
const noNet = { group: ['ws', '@hocuspocus/*', 'tsx', 'tsx/*', 'commander'], message: 'No I/O libraries here (layering rule).' };

/** Restricted-import rules per folder. */
export const layeringRules = [
  {
    files: ['schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!prosemirror-model$|\\./|\\.\\./schemas/).*', message: 'schemas/ is data: it may import prosemirror-model only.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noSqlite, noBackendFolders, noRenderer, noUi, noNet] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noSqlite, noBackendFolders, { group: ['tsx', 'tsx/*', 'commander', '@hocuspocus/server'], message: 'Backend-only library.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noUi] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer, noUi] }] },
  },
];
