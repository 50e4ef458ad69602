/**
 * `npm run bench -- keystroke`: keystroke latency in Chromium, from the keydown event to
 * just after the next animation frame, while typing ~200 characters into the middle of a
 * 60-operative-paragraph resolution (~60,000 characters, with footnotes), in (a) the real
 * Penholder editor served by the browser shell on a temporary data directory (the document
 * imported as text and opened in the app) and (b) a bare ProseMirror editor (doc/paragraph/
 * text, no plugins) holding the same text, bundled with esbuild, in the same run.
 * Chromium runs with frame-rate limiting and vsync off, so a sample measures the work of a
 * keystroke rather than the wait for the display's next 16.7 ms tick.
 * Last line: `{"p50_ms","p95_ms","baseline_p50_ms","baseline_p95_ms","ratio_p95",...}`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startWebShell } from '../electron/web/web-shell.js';
import { buildDocument } from '../shared/document/build.js';
import { exportText } from '../shared/document/export-text.js';
import { quantile, round3 } from './_stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const typed = 'and invites Member States, relevant United Nations entities and other stakeholders to continue ' +
  'to support the work of the Office on Drugs and Crime in strengthening legal aid systems in all regions, ';
const warmup = 20;

const words = 'the Secretary-General to continue supporting Member States in strengthening criminal justice systems and legal aid'.split(' ');
const sentence = (seed: number, length: number) => Array.from({ length }, (_, i) => words[(seed + i * 7) % words.length]).join(' ');

/** The bench document: 12 PPs and 60 OPs (every fifth with two subparagraphs, every fourth with a footnote). */
function benchText(): string {
  const doc = buildDocument({
    header: { symbol: 'A/C.3/78/L.99', sponsors: ['CAN', 'JPN'] },
    title: 'Strengthening access to legal aid in criminal justice systems',
    body: 'The General Assembly,',
    preamble: Array.from({ length: 12 }, (_, i) => ({ text: `Recalling ${sentence(i, 40)},`, opener: 'Recalling' })),
    operative: Array.from({ length: 60 }, (_, i) => ({
      text: `Requests ${sentence(i, 130)}${i % 5 === 0 ? ':' : ';'}`,
      opener: 'Requests',
      footnotes: i % 4 === 0 ? [{ text: `See resolution 70/${i + 1}, annex.`, at: 40 }] : [],
      subparagraphs: i % 5 === 0 ? [`${sentence(i, 20)};`, `${sentence(i + 1, 20)};`] : [],
    })),
  });
  return exportText(doc);
}

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [path.join(here, 'keystroke-page', entry)], bundle: true, write: false, format: 'iife', target: 'es2022' });
  return result.outputFiles[0]?.text ?? '';
}

// Types `typed` one key at a time into the focused editor and returns the latencies (ms) after warm-up.
async function typeAndMeasure(page: Page, probe: string): Promise<number[]> {
  await page.addScriptTag({ content: probe });
  for (let i = 0; i < typed.length; i++) {
    await page.keyboard.type(typed[i] ?? ' ');
    await page.evaluate(`window.__waitForSamples(${i + 1})`);
  }
  const samples = (await page.evaluate('window.__latencies')) as number[];
  return samples.slice(warmup);
}

async function measurePenholder(browser: Browser, text: string, probe: string): Promise<{ samples: number[]; chars: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'penholder-bench-'));
  const shell = await startWebShell({ dataDir, port: 0, host: '127.0.0.1' });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(shell.url);
    await page.getByLabel('Text file to import').setInputFiles({ name: 'bench.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByRole('status', { name: 'Import result' }).getByRole('button', { name: /Strengthening access to legal aid/ }).click();
    await page.locator('.ph-document .ph-op').nth(59).waitFor();
    const chars = await page.locator('.ph-document').evaluate((el) => (el.textContent ?? '').length);
    await page.locator('.ph-document .ph-op').nth(30).locator('.ph-text').first().click();
    const samples = await typeAndMeasure(page, probe);
    const typedOk = await page.locator('.ph-document .ph-op').nth(30).evaluate((el, t) => (el.textContent ?? '').includes(t.trim()), typed);
    if (!typedOk) throw new Error('the typed text did not reach operative paragraph 31');
    await page.close();
    return { samples, chars };
  } finally {
    await shell.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureBare(browser: Browser, text: string, probe: string): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const script = await bundle('bare-editor.ts');
  const css = 'body{margin:0;background:#eee}#editor{width:720px;margin:24px auto;padding:48px;background:#fff;font:16px/1.5 "Times New Roman",serif}';
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><div id="editor"></div></body></html>`);
  await page.addScriptTag({ content: script });
  const lines = text.split('\n');
  await page.evaluate((l) => (window as unknown as { mountBare: (l: string[]) => void }).mountBare(l), lines);
  const middle = lines.findIndex((line) => line.startsWith('31.'));
  await page.locator('#editor p').nth(middle).click();
  const samples = await typeAndMeasure(page, probe);
  const typedOk = await page.locator('#editor p').nth(middle).evaluate((el, t) => (el.textContent ?? '').includes(t.trim()), typed);
  if (!typedOk) throw new Error('the typed text did not reach the bare editor');
  await page.close();
  return samples;
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const text = benchText();
  const probe = await bundle('measure.ts');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  try {
    const ours = await measurePenholder(browser, text, probe);
    const base = await measureBare(browser, text, probe);
    const f = (s: number[], q: number) => round3(quantile(s, q));
    console.log(`document: ${ours.chars} characters in the editor; ${typed.length} keys typed into OP 31, first ${warmup} not counted`);
    console.log(`penholder: p50 ${f(ours.samples, 0.5)} ms, p95 ${f(ours.samples, 0.95)} ms, max ${f(ours.samples, 1)} ms`);
    console.log(`bare prosemirror: p50 ${f(base, 0.5)} ms, p95 ${f(base, 0.95)} ms, max ${f(base, 1)} ms`);
    console.log(JSON.stringify({
      p50_ms: f(ours.samples, 0.5),
      p95_ms: f(ours.samples, 0.95),
      max_ms: f(ours.samples, 1),
      baseline_p50_ms: f(base, 0.5),
      baseline_p95_ms: f(base, 0.95),
      ratio_p95: round3(quantile(ours.samples, 0.95) / quantile(base, 0.95)),
      samples: ours.samples.length,
      doc_chars: ours.chars,
    }));
  } finally {
    await browser.close();
  }
}
