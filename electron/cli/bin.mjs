#!/usr/bin/env node
// The CLI is TypeScript run through tsx so that a checkout works right after `npm ci`
// with no build step; tsx is a runtime dependency for that reason.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
