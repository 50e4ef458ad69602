#!/usr/bin/env node
// `npm run bench -- NAME [ARGS]` runs bench/NAME.ts through tsx. Every bench measures its
// baseline in the same run and prints, as its last line, one JSON object of figures.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- NAME\navailable benches: ${available.join(', ')}\n`);
  process.exit(name ? 1 : 0);
}
register();
const mod = await import(join(here, `${name}.ts`));
await mod.run(rest);
