// Runs Electronegativity's programmatic runner on one folder with no network, as a child
// process of electronegativity.ts: argv = [input folder, Electron version]. Prints one JSON
// object { errors, issues } on stdout. Offline by construction: DNS lookups fail at once and
// `got` (which the tool uses only to fetch translations and Electron's release list) rejects
// without opening a socket; any attempt is counted in `networkAttempts`.
import dns from 'node:dns';
import Module, { createRequire } from 'node:module';

let networkAttempts = 0;
const offline = (what) => {
  networkAttempts++;
  return Object.assign(new Error(`offline: ${String(what)}`), { code: 'ENOTFOUND' });
};
dns.lookup = (host, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(() => done(offline(host)));
};
dns.promises.lookup = async (host) => {
  throw offline(host);
};
const refusedGot = (url) => Promise.reject(offline(url));
refusedGot.head = refusedGot;
refusedGot.get = refusedGot;
const load = Module._load;
Module._load = function loadOffline(request, parent, isMain) {
  if (request === 'got') return refusedGot;
  return load.call(this, request, parent, isMain);
};

const [input, electronVersion] = process.argv.slice(2);
const run = createRequire(import.meta.url)('@doyensec/electronegativity');
// The translations lookup logs a line when it fails; stdout must carry only our JSON.
console.log = () => {};
run({
  input,
  electronVersionOverride: electronVersion,
  isRelative: true,
  customScan: [],
  // Whether a newer Electron fixes known CVEs needs the network (the release list); the
  // lock file and the dependency updates answer that, not this offline scan.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
}).then(
  (result) => {
    const issues = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file,
      line: issue.location.line,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
    }));
    const errors = result.errors.map((error) => ({ file: error.file, message: error.message, tolerable: error.tolerable }));
    process.stdout.write(`${JSON.stringify({ checks: result.atomicChecks + result.globalChecks, errors, issues, networkAttempts })}\n`);
  },
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
