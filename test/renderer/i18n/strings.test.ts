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
    // The text that slipped through a scan of JSX text and sentences: words in a template
    // (an aria-label naming a delegation), a name returned by a helper or chosen by ?: or ??,
    // a lower-case fallback shown as a JSX child, a JSX text that is a single lower-case word.
    writeFileSync(
      path.join(dir, 'tricky.tsx'),
      [
        'export const D = (d: { name: string; code: string }) => <button aria-label={`Choose ${d.name} (${d.code})`} title={`${d.code} of ${d.name}`} />;',
        "export const E = (m: string) => (m === 'editing' ? 'Editing' : t('ns:other'));",
        "export function F(kind: string): string { if (kind === 'final') return 'Final'; return kind; }",
        "export const G = (by: string, x: string) => <p>{by || 'someone'} {x ?? 'Untitled'}<i>reopened</i></p>;",
        'export const H = (n: number) => `${n} items left`;',
        "export const L = (n: string) => `${n || 'Someone'} (${n})`;",
        // Technical strings stay allowed: class lists, keys, key names, codes, selectors.
        'export const I = (x: string, n: number) => <div className={`button ${x}`} data-key={`a|${x}`}>{`OP ${n}`}</div>;',
        "export const J = (n: number) => (n > 1 ? `Mod-Alt-${n}` : 'Escape');",
        "export const K = (x: string) => document.querySelector(`.ph-op [data-id=\"${x}\"]`);",
      ].join('\n'),
    );
    const tricky = scanFile(dir, 'tricky.tsx').literals.map((l) => l.text);
    expect(tricky).toEqual(['`Choose ${d.name} (${d.code})`', '`${d.code} of ${d.name}`', 'Editing', 'Final', 'someone', 'Untitled', 'reopened', '`${n} items left`', 'Someone']);
    // The scanner itself, on a converted file: no text, at least one key.
    const profile = scans.get('renderer/components/profile-dialog.tsx');
    expect(profile?.literals).toEqual([]);
    expect(profile?.keys.length).toBeGreaterThan(10);
  });
});
