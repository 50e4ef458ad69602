import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues.js';
import { scanFile, sourceFiles, type KeyUse, type Literal } from './scan-strings.js';

// The repository root: vitest runs from it.
const root = process.cwd();
const files = sourceFiles(root, 'renderer');
const scans = new Map(files.map((f) => [f, scanFile(root, f)]));

type Tree = { [key: string]: string | Tree };

// The entry `ns:a.b.c` names in one language's catalogue (a string, a subtree, or undefined).
function lookup(lang: keyof typeof catalogues, key: string): string | Tree | undefined {
  const [ns, path] = key.includes(':') ? (key.split(/:(.*)/s) as [string, string]) : ['common', key];
  let node: string | Tree | undefined = (catalogues[lang] as unknown as Record<string, Tree>)[ns];
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = part === '' ? node : node[part];
  }
  return node;
}

const where = (u: KeyUse | Literal) => `${u.file}:${u.line}`;

describe('interface strings of the renderer', () => {
  it('scans a meaningful set of files (the scanner finds the renderer)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('renderer/components/profile-dialog.tsx');
  });

  it('writes no interface text in code outside the catalogues, in any renderer file', () => {
    const found = files.flatMap((f) => scans.get(f)?.literals ?? []);
    expect(found.map((l) => `${where(l)} ${l.text}`)).toEqual([]);
  });

  it('uses only keys that exist in every interface language, with plural forms where a count is given', () => {
    const missing: string[] = [];
    for (const use of [...scans.values()].flatMap((s) => s.keys)) {
      for (const lang of Object.keys(catalogues) as (keyof typeof catalogues)[]) {
        const entry = lookup(lang, use.key.replace(/\.$/, ''));
        if (use.dynamic) {
          if (entry === undefined || typeof entry === 'string') missing.push(`${where(use)} ${lang} ${use.key}… (a group)`);
        } else if (typeof entry !== 'string') {
          const plural = use.hasCount && typeof lookup(lang, `${use.key}_other`) === 'string' && typeof lookup(lang, `${use.key}_one`) === 'string';
          if (!plural) missing.push(`${where(use)} ${lang} ${use.key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds the text it must refuse (JSX text, a title prop, an alert sentence) and allows symbols and keys', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'i18n-scan-'));
    writeFileSync(
      path.join(dir, 'sample.tsx'),
      [
        "export const A = () => <p className=\"button primary\" title=\"Open a file\">Hello world<span>×</span><b>OP</b>{t('common:cancel')}</p>;",
        "export const B = () => { window.alert('Could not save the file.'); return <input placeholder={'Search words'} aria-label={t('common:close')} />; };",
        "export const C = (n: number) => `Saved ${n} changes in total`;",
        "document.querySelector('.Some thing'); console.log('Developer words here');",
      ].join('\n'),
    );
    const sample = scanFile(dir, 'sample.tsx');
    expect(sample.literals.map((l) => l.text)).toEqual(['Open a file', 'Hello world', 'Could not save the file.', 'Search words', '`Saved ${n} changes in total`']);
    expect(sample.keys.map((k) => k.key)).toEqual(['common:cancel', 'common:close']);
    // The scanner itself, on a converted file: no text, at least one key.
    const profile = scans.get('renderer/components/profile-dialog.tsx');
    expect(profile?.literals).toEqual([]);
    expect(profile?.keys.length).toBeGreaterThan(10);
  });
});
