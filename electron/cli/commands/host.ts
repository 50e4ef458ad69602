import type { Command } from 'commander';
import { defaultDataDir } from '../../backend/data-dir.js';
import { createLiveDocuments } from '../../backend/live-documents.js';
import { readAdmitFile } from '../../consultation/admit-file.js';
import { startHost } from '../../consultation/host.js';
import { loadOrCreateHostCertificate } from '../../consultation/host-cert.js';
import { openAdmissions } from '../../store/admissions.js';
import { openStore } from '../../store/store.js';
import { createRecordHost } from '../../consultation/record-host.js';
import { CliError } from '../cli-error.js';
import { documentsToHost } from './host-open.js';

type HostOptions = { dataDir?: string; bind: string; port: string; open?: string; reimport?: boolean; newCodes?: boolean; admit?: string };

/**
 * Registers `penholder host --data-dir D [--bind ADDR] [--port P] [--open FILE [--reimport]]`:
 * hosts a consultation headless. With --open, FILE (a UN text for the importer, or ProseMirror
 * JSON of one document or an array of them) is added to the store and served the first time,
 * and the documents made from it are served again when the host is restarted with the same
 * FILE (see host-open.ts); without it every document of the store is. Serves wss:// only with
 * the data folder's certificate (host-cert.ts). With --admit FILE (admit-file.ts) the keys
 * listed are admitted before anyone connects (kept with the consultation's other admissions);
 * other keys wait in the lobby, which a headless host has no one to open. Prints as its
 * first stdout line one JSON object `{"url","documents","joinCode","facilitatorCode",
 * "fingerprint","link"}`, serves
 * until SIGINT or SIGTERM, then closes every connection and the store (accepted changes are
 * committed at the end of the event loop's turn they came in, and closing the store commits
 * any still queued).
 */
export function registerHostCommand(program: Command): void {
  program
    .command('host')
    .description('Host a consultation headless: participants join with the printed address and codes.')
    .option('--data-dir <dir>', 'where documents are kept (default: $PENHOLDER_DATA_DIR, else the user-data folder)')
    .option('--bind <addr>', 'address to listen on (0.0.0.0: every interface)', '0.0.0.0')
    .option('--port <n>', 'TCP port, 0 for any free port', '0')
    .option(
      '--open <file>',
      'a text or JSON document to add to the store and serve; started again with the same file on the same data folder, the host serves the documents imported from it the first time (with every change made since), even if the file has changed',
    )
    .option('--reimport', 'with --open: import the file again as new documents, a new consultation with new codes (the documents imported before stay in the store)')
    .option('--admit <file>', 'a JSON array of {"key","delegation","name","role"} admitting those installation keys (key: the fingerprint the participant\'s app shows) before anyone connects')
    .option('--new-codes', 'new join and facilitator codes (by default a host restarted on the same data folder with the same documents keeps its codes, so participants reconnect by themselves)')
    .action(async (options: HostOptions) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${options.port}"`);
      if (options.reimport && !options.open) throw new CliError('--reimport needs --open FILE');
      const admit = options.admit ? (() => {
        try {
          return readAdmitFile(options.admit!);
        } catch (err) {
          throw new CliError((err as Error).message);
        }
      })() : [];
      const dataDir = options.dataDir ?? defaultDataDir();
      const store = openStore({ dataDir });
      try {
        const log = (line: string) => process.stderr.write(`penholder host: ${line}\n`);
        const docIds = options.open ? await documentsToHost(store, options.open, { reimport: options.reimport, log }) : store.listDocuments().map((d) => d.id);
        if (docIds.length === 0) throw new CliError('there is no document to host: the store is empty; pass --open FILE');
        const codes = options.newCodes ? undefined : store.hostCodes(docIds);
        const tls = await loadOrCreateHostCertificate(dataDir);
        const admissions = openAdmissions(store.file, [...docIds].sort().join('\n'));
        const host = await startHost({ docs: createLiveDocuments(store), docIds, extensions: [createRecordHost({ store, docIds })], bind: options.bind, port, codes, tls, admissions, admit });
        store.setHostCodes({ joinCode: host.joinCode, facilitatorCode: host.facilitatorCode, documents: docIds });
        // Listening for the signals before the banner: whoever reads it may stop us at once.
        const stopped = untilStopped();
        if (admit.length > 0) log(`admitted ${admit.length} key(s) from ${options.admit}`);
        process.stdout.write(`${JSON.stringify({ url: host.url, documents: host.documents, joinCode: host.joinCode, facilitatorCode: host.facilitatorCode, fingerprint: host.fingerprint, link: host.link })}\n`);
        await stopped;
        await host.stop();
      } finally {
        store.close();
      }
    });
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    // The handlers stay for the whole run: a second Ctrl+C or SIGTERM while the host is
    // closing (saving) must not fall back to the default action, which kills the process.
    const stop = () => {
      if (stopping) {
        process.stderr.write('penholder host: already stopping, saving first\n');
        return;
      }
      stopping = true;
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
