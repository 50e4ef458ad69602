import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Doyensec's Electronegativity run over the shell's sources (electron/), offline, as part
 * of `npm test`. It complements our own static scan (security-scan.ts): its 40-odd checks
 * are written by people who attack Electron apps for a living. The child process
 * (electronegativity-child.mjs) blocks DNS and the tool's HTTP client, so the scan never
 * needs the network and never waits for it.
 *
 * Findings of medium or higher severity fail the test, except these two, reviewed:
 * - CSP_GLOBAL_CHECK "No CSP has been detected": the tool only recognises a policy written
 *   as a string literal in a header assignment or an HTML meta tag. Ours is the constant
 *   CONTENT_SECURITY_POLICY (electron/main/csp.ts), sent on every renderer response by the
 *   app protocol handler and by webRequest.onHeadersReceived (hardening.ts); security-scan.ts
 *   proves the header is sent and not loosened, and electronegativity.test.ts runs that
 *   policy through the tool's own CSP evaluator (no high or medium finding).
 * - PRELOAD_JS_CHECK "Review the use of preload scripts": raised for any preload. Reviewed:
 *   the sandboxed preload (electron/preload/preload.ts) exposes only `invoke` and `on`
 *   through contextBridge, checks channels and event names against the allow-lists of
 *   shared/api/names.ts, never exposes ipcRenderer nor hands listeners the IpcRendererEvent;
 *   security-scan.ts fails on any of those (see the mutations in security.test.ts).
 * - PROTOCOL_HANDLER_JS_CHECK "Review the use of custom protocol handlers": raised for
 *   `app.setAsDefaultProtocolClient('penholder')` and `open-url` in electron/main/main.ts
 *   (issue 13: the join link opens the app). Reviewed: a link from the OS is only text; it is
 *   parsed by shared/consultation/join-link.ts (bounded, no backtracking, a wss:// address and
 *   a 64-hex fingerprint or an error in words), cut to 16 KB, and handed to the page as the
 *   hash of the app's own entry URL (electron/main/join-link-handoff.ts: the window only ever
 *   loads an app:// URL); the page fills the join dialog from it and joins nothing until the
 *   person presses Join. No file, command or other URL is opened from a link.
 */

/** One finding as the tool reports it (file relative to the scanned folder). */
export type Finding = {
  id: string;
  file: string;
  line: number;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  confidence: string;
  manualReview: boolean;
  description: string;
};

/** A whole run: checks loaded, files the tool could not parse, findings, refused network attempts. */
export type ElectronegativityReport = {
  checks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
  networkAttempts: number;
};

/** Findings of medium or higher severity accepted after review, by check id, with the reason (see the module doc). */
export const acceptedFindings: ReadonlyMap<string, string> = new Map([
  ['CSP_GLOBAL_CHECK', 'the policy is a constant sent as a header, which the tool cannot see; evaluated separately'],
  ['PRELOAD_JS_CHECK', 'the preload was reviewed; security-scan.ts guards what it exposes'],
  ['PROTOCOL_HANDLER_JS_CHECK', 'penholder:// join links were reviewed: parsed, bounded, only fill the join dialog of the app page'],
]);

/** The Electron version the app is built with: package.json's devDependency without its range operator. */
export function electronVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const range = pkg.devDependencies?.electron ?? '';
  const version = /\d+\.\d+\.\d+/.exec(range)?.[0];
  if (!version) throw new Error(`package.json has no usable electron version: ${JSON.stringify(range)}`);
  return version;
}

/** Runs Electronegativity on `input` (a folder) for Electron `version`, offline; rejects when the tool fails. */
export async function runElectronegativity(input: string, version: string): Promise<ElectronegativityReport> {
  const child = path.join(import.meta.dirname, 'electronegativity-child.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [child, input, version], { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ElectronegativityReport;
}

/** The findings of medium or higher severity that are not in `acceptedFindings`. */
export function blockingFindings(report: ElectronegativityReport): Finding[] {
  return report.issues.filter((issue) => (issue.severity === 'MEDIUM' || issue.severity === 'HIGH') && !acceptedFindings.has(issue.id));
}
