/**
 * `npm run bench -- keystroke`: keystroke latency in Chromium, from the keydown event to
 * just after the next animation frame, while typing ~200 characters into the middle of a
 * 60-operative-paragraph resolution (~60,000 characters, with footnotes), in (a) the real
 * Penholder app served by the browser shell on a temporary data directory (the document
 * imported as text and opened in the app), as users run it: the production renderer build
 * (`vite build`, as the Electron shell loads it; `--dev` measures Vite's dev server with
 * React's development build instead), and (b) a bare ProseMirror editor (doc/paragraph/
 * text, no plugins) holding the same text, bundled with esbuild, in the same run.
 * Chromium runs with frame-rate limiting and vsync off, so a sample measures the work of a
 * keystroke rather than the wait for the display's next 16.7 ms tick.
 * `--language ar` writes the same resolution in Arabic (right to left, '31 -', Arabic
 * words) and types an Arabic phrase as an Arabic keyboard layout sends it (a keydown per
 * character carrying its text); both editors then hold the text right to left.
 * `--brackets N` (or `npm run bench -- keystroke-brackets`, N = 300) types into the same
 * document as a compilation text in negotiation, with N brackets (see _keystroke-doc.ts);
 * the JSON line then also has `brackets`, `alternative_groups` and `max_bracket_depth`.
 * `--profile` also records a CPU profile of the Penholder run, prints the functions with
 * the most self time and writes the profile to the temporary folder (path printed), and
 * `--trace` a Chromium trace of both runs summed by event (script,
 * style recalculation, layout, paint), to see what dominates a keystroke; the traces are
 * written to the temporary folder (path printed) for a closer look.
 * Last line: `{"p50_ms","p95_ms","baseline_p50_ms","baseline_p95_ms","ratio_p95",...,"language"}`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chromium } from 'playwright-core';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { operativeLabel } from '../shared/document/labels.js';
import { RENDERER_VITE_CONFIG, startWebShell } from '../electron/web/web-shell.js';
import { importedBracketCounts, keystrokeBenchText, keystrokeBenchTitle, type BenchLanguage } from './_keystroke-doc.js';
import { quantile, round3 } from './_stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const typedText: Readonly<Record<BenchLanguage, string>> = {
  en: 'and invites Member States, relevant United Nations entities and other stakeholders to continue ' +
    'to support the work of the Office on Drugs and Crime in strengthening legal aid systems in all regions, ',
  ar: 'وتدعو الدول الأعضاء وكيانات الأمم المتحدة المعنية وسائر أصحاب المصلحة إلى مواصلة دعم عمل ' +
    'مكتب الأمم المتحدة المعني بالمخدرات والجريمة في تعزيز نظم المساعدة القانونية في جميع المناطق، ',
};
let typed = typedText.en;
const warmup = 20;

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [path.join(here, 'keystroke-page', entry)], bundle: true, write: false, format: 'iife', target: 'es2022' });
  return result.outputFiles[0]?.text ?? '';
}

type ProfileNode = { id: number; hitCount?: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } };

// The named functions with the most total time (self + callees, each counted once per stack) in a CPU profile.
function topTotalTime(profile: { nodes: ProfileNode[] }, count = 25): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const all = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const totals = new Map<string, number>();
  const walk = (node: ProfileNode, onStack: Set<string>): number => {
    const name = node.callFrame.functionName;
    const key = name ? `${name} :${node.callFrame.lineNumber + 1}` : '';
    const fresh = key !== '' && !onStack.has(key);
    if (fresh) onStack.add(key);
    let hits = node.hitCount ?? 0;
    for (const child of node.children ?? []) hits += walk(byId.get(child)!, onStack);
    if (fresh) {
      onStack.delete(key);
      totals.set(key, (totals.get(key) ?? 0) + hits);
    }
    return hits;
  };
  const root = profile.nodes[0];
  if (root) walk(root, new Set());
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, hits]) => `${((hits / Math.max(1, all)) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

// The functions with the most self time in a CPU profile, as printable lines.
function topSelfTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, count = 15): string[] {
  const interval = (profile.timeDeltas ?? []).reduce((a, b) => a + b, 0) / Math.max(1, profile.samples?.length ?? 1) / 1000;
  const totals = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules\/[^/]+|[^/]+\/[^/]+)\/?/, '$1/').replace(/\?.*$/, '');
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (node.hitCount ?? 0));
    all += node.hitCount ?? 0;
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, hits]) => `${((hits / Math.max(1, all)) * 100).toFixed(1).padStart(5)}%  ${(hits * interval).toFixed(0).padStart(6)} ms  ${key}`);
}

type TraceEvent = { name: string; ph: string; dur?: number; tid: number; pid: number };
const traceNames = ['EventDispatch', 'FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MinorGC', 'MajorGC'];

// Milliseconds per keystroke spent in the main-thread trace events that matter, from a Chromium trace.
function traceSummary(trace: Buffer, keys: number): string {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !traceNames.includes(e.name)) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return traceNames.filter((n) => totals.has(n)).map((n) => `${n} ${((totals.get(n) ?? 0) / keys).toFixed(2)}`).join(', ');
}

// Types `typed` one key at a time into the focused editor and returns the latencies (ms) after warm-up,
// under a Chromium trace when `trace` is set (its summary printed with `label`).
async function typeTraced(page: Page, probe: string, trace: boolean, label: string): Promise<number[]> {
  if (!trace) return typeAndMeasure(page, probe);
  const browser = page.context().browser();
  await browser?.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  const samples = await typeAndMeasure(page, probe);
  const buffer = await browser?.stopTracing();
  if (buffer) {
    const file = path.join(tmpdir(), `penholder-${label.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, buffer);
    console.log(`${label}, ms per keystroke (nested events overlap): ${traceSummary(buffer, typed.length)} (trace: ${file})`);
  }
  return samples;
}

// Presses the key that types `char`: Playwright's keyboard for what a US layout has; otherwise a
// keydown carrying the character's text, as another layout (Arabic) sends it, so the probe sees
// a keydown for every character in both languages (Playwright would insert such text without one).
async function typeChar(page: Page, cdp: CDPSession, char: string): Promise<void> {
  if (/^[\x20-\x7e]$/.test(char)) return page.keyboard.type(char);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: char, text: char, unmodifiedText: char });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char });
}

// Types `typed` one key at a time into the focused editor and returns the latencies (ms) after warm-up.
async function typeAndMeasure(page: Page, probe: string): Promise<number[]> {
  await page.addScriptTag({ content: probe });
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < typed.length; i++) {
    await typeChar(page, cdp, typed[i] ?? ' ');
    await page.evaluate(`window.__waitForSamples(${i + 1})`);
  }
  await cdp.detach();
  const samples = (await page.evaluate('window.__latencies')) as number[];
  return samples.slice(warmup);
}

// Builds the production renderer into `outDir` (quietly) and returns it.
// Unminified when profiling, so the profile names our functions.
async function buildRenderer(outDir: string, minify: boolean): Promise<string> {
  await viteBuild({ configFile: RENDERER_VITE_CONFIG, logLevel: 'error', build: { outDir, emptyOutDir: true, minify } });
  return outDir;
}

async function measurePenholder(browser: Browser, text: string, probe: string, args: string[], language: BenchLanguage): Promise<{ samples: number[]; chars: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'penholder-bench-'));
  const staticDir = args.includes('--dev') ? undefined : await buildRenderer(path.join(dataDir, 'renderer'), !args.includes('--profile'));
  const shell = await startWebShell({ dataDir, port: 0, host: '127.0.0.1', ...(staticDir ? { staticDir } : {}) });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(shell.url);
    await page.getByLabel('Text file to import').setInputFiles({ name: 'bench.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.getByRole('status', { name: 'Import result' }).getByRole('button', { name: keystrokeBenchTitle(language), exact: false }).click();
    await page.locator('.ph-document .ph-op').nth(59).waitFor();
    const chars = await page.locator('.ph-document').evaluate((el) => (el.textContent ?? '').length);
    await page.locator('.ph-document .ph-op').nth(30).locator('.ph-text').first().click();
    const cdp = args.includes('--profile') ? await page.context().newCDPSession(page) : null;
    await cdp?.send('Profiler.enable');
    await cdp?.send('Profiler.start');
    const samples = await typeTraced(page, probe, args.includes('--trace'), 'penholder trace');
    if (cdp) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      const file = path.join(tmpdir(), 'penholder-keystroke.cpuprofile');
      writeFileSync(file, JSON.stringify(cpu));
      console.log(`CPU profile written to ${file} (open it in Chromium's DevTools, Performance panel)`);
      console.log(`CPU profile of the Penholder run, top self time:\n${topSelfTime(cpu as never).join('\n')}`);
      console.log(`top total time:\n${topTotalTime(cpu as never).join('\n')}`);
    }
    const typedOk = await page.locator('.ph-document .ph-op').nth(30).evaluate((el, t) => (el.textContent ?? '').includes(t.trim()), typed);
    if (!typedOk) throw new Error('the typed text did not reach operative paragraph 31');
    await page.close();
    return { samples, chars };
  } finally {
    await shell.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureBare(browser: Browser, text: string, probe: string, args: string[], language: BenchLanguage): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const script = await bundle('bare-editor.ts');
  const css = 'body{margin:0;background:#eee}#editor{width:720px;margin:24px auto;padding:48px;background:#fff;font:16px/1.5 "Times New Roman",serif}';
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><div id="editor" lang="${language}" dir="${dir}"></div></body></html>`);
  await page.addScriptTag({ content: script });
  const lines = text.split('\n');
  await page.evaluate((l) => (window as unknown as { mountBare: (l: string[]) => void }).mountBare(l), lines);
  const middle = lines.findIndex((line) => line.startsWith(`${operativeLabel(31, language)} `));
  await page.locator('#editor p').nth(middle).click();
  const samples = await typeTraced(page, probe, args.includes('--trace'), 'bare trace');
  const typedOk = await page.locator('#editor p').nth(middle).evaluate((el, t) => (el.textContent ?? '').includes(t.trim()), typed);
  if (!typedOk) throw new Error('the typed text did not reach the bare editor');
  await page.close();
  return samples;
}

// The value of `--brackets N` (0 when absent).
function bracketsArg(args: string[]): number {
  const at = args.indexOf('--brackets');
  if (at < 0) return 0;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error('--brackets needs a whole number, e.g. --brackets 300');
  return n;
}

// The value of `--language en|ar` ('en' when absent).
function languageArg(args: string[]): BenchLanguage {
  const at = args.indexOf('--language');
  if (at < 0) return 'en';
  const value = args[at + 1];
  if (value !== 'en' && value !== 'ar') throw new Error(`--language takes en or ar, not ${value ?? 'nothing'}`);
  return value;
}

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const wanted = bracketsArg(args);
  const language = languageArg(args);
  typed = typedText[language];
  const text = keystrokeBenchText(wanted, language);
  const counts = wanted > 0 ? importedBracketCounts(text) : null;
  if (counts && counts.brackets !== wanted) throw new Error(`the bench text has ${counts.brackets} brackets, not ${wanted}`);
  const probe = await bundle('measure.ts');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  try {
    const ours = await measurePenholder(browser, text, probe, args, language);
    const base = await measureBare(browser, text, probe, args, language);
    const f = (s: number[], q: number) => round3(quantile(s, q));
    const bracketNote = counts ? `, ${counts.brackets} brackets (${counts.alternativeGroups} alternative groups, depth ${counts.maxBracketDepth})` : '';
    console.log(`document (${language}): ${ours.chars} characters in the editor${bracketNote}; ${typed.length} keys typed into OP 31, first ${warmup} not counted`);
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
      renderer: args.includes('--dev') ? 'dev' : 'production',
      doc_chars: ours.chars,
      language,
      ...(counts ? { brackets: counts.brackets, alternative_groups: counts.alternativeGroups, max_bracket_depth: counts.maxBracketDepth } : {}),
    }));
  } finally {
    await browser.close();
  }
}
