// @ts-check
/**
 * The layering rule of DESIGN.md, as ESLint `no-restricted-imports` per folder:
 * schemas <- shared <- electron (backend) <- electron/main; shared <- renderer.
 * Only electron/main and electron/preload may import 'electron'.
 * Static imports are caught by `no-restricted-imports`; dynamic `import('x')` and
 * `require('x')` of the same modules by `no-restricted-syntax` selectors built from the
 * same lists.
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
const noBackendLibs = { group: ['tsx', 'tsx/*', 'commander', '@hocuspocus/server'], message: 'Backend-only library.' };

const schemasOnly = '^(?!prosemirror-model$|\\./|\\.\\./schemas/).*';
// The same for esquery, which cannot take '/': any relative specifier passes there.
const schemasOnlyDynamic = '^(?!prosemirror-model$|\\.).*';

// esquery regex literals cannot contain '/', so a '/' in a module name is matched by '.'.
const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '.');

/** A regex (esquery literal) matching the module specifiers a restricted-import group names. */
function groupRegex(/** @type {string[]} */ group) {
  const parts = group.map((g) => {
    if (g === 'node:*') return 'node:.*';
    if (g.startsWith('**/')) return `(^|.*[^a-zA-Z0-9_-])${escape(g.replace(/^\*\*\//, '').replace(/\/\*\*$/, ''))}([^a-zA-Z0-9_-].*)?`;
    return escape(g).replace(/\\\*/g, '.*');
  });
  return `/^(${parts.join('|')})$/`;
}

/** `no-restricted-syntax` entries forbidding `import(x)` and `require(x)` for one group. */
function dynamicImportBans(/** @type {{ group?: string[]; regex?: string; dynamicRegex?: string; message: string }} */ pattern) {
  const regex = pattern.dynamicRegex ? `/${pattern.dynamicRegex}/` : groupRegex(pattern.group ?? []);
  return [
    { selector: `ImportExpression[source.value=${regex}]`, message: pattern.message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=${regex}]`, message: pattern.message },
  ];
}

const noDefaultExport = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };

/** The rules for one folder: the static patterns and the same bans for dynamic imports. */
function layer(/** @type {Array<{ group?: string[]; regex?: string; dynamicRegex?: string; message: string }>} */ patterns) {
  return {
    'no-restricted-imports': ['error', { patterns: patterns.map(({ dynamicRegex: _dynamic, ...p }) => p) }],
    // Repeats the project-wide default-export ban: a later no-restricted-syntax replaces it.
    'no-restricted-syntax': ['error', noDefaultExport, ...patterns.flatMap(dynamicImportBans)],
  };
}

/** Restricted-import rules per folder. */
export const layeringRules = [
  {
    files: ['schemas/**/*.ts'],
    rules: layer([{ regex: schemasOnly, dynamicRegex: schemasOnlyDynamic, message: 'schemas/ is data: it may import prosemirror-model only.' }]),
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer([noNode, noElectron, noSqlite, noBackendFolders, noRenderer, noUi, noNet]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: layer([noNode, noElectron, noSqlite, noBackendFolders, noBackendLibs]),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: layer([noElectron, noRenderer, noUi]),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: layer([noRenderer, noUi]),
  },
];
