import type { Command } from 'commander';
import { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { newId } from '../../../shared/ids.js';
import { docToYDoc } from '../../../shared/ydoc.js';
import { defaultDataDir } from '../../backend/data-dir.js';
import { createLiveDocuments, documentMeta } from '../../backend/live-documents.js';
import { startHost } from '../../consultation/host.js';
import { openStore, type Store } from '../../store/store.js';
import { CliError } from '../cli-error.js';
import { importInput, readInputText } from './read-input.js';

type HostOptions = { dataDir?: string; bind: string; port: string; open?: string; newCodes?: boolean };

/**
 * Registers `penholder host --data-dir D [--bind ADDR] [--port P] [--open FILE]`: hosts a
 * consultation headless. With --open, FILE (a UN text for the importer, or ProseMirror JSON
 * of one document or an array of them) is added to the store and served; without it every
 * document of the store is. Prints as its first stdout line one JSON object
 * `{"url","documents","joinCode","facilitatorCode"}`, serves until SIGINT or SIGTERM, then
 * closes every connection and the store (accepted changes are committed at the end of the
 * event loop's turn they came in, and closing the store commits any still queued).
 */
export function registerHostCommand(program: Command): void {
  program
    .command('host')
    .description('Host a consultation headless: participants join with the printed address and codes.')
    .option('--data-dir <dir>', 'where documents are kept (default: $PENHOLDER_DATA_DIR, else the user-data folder)')
    .option('--bind <addr>', 'address to listen on (0.0.0.0: every interface)', '0.0.0.0')
    .option('--port <n>', 'TCP port, 0 for any free port', '0')
    .option('--open <file>', 'a text or JSON document to add to the store and serve')
    .option('--new-codes', 'new join and facilitator codes (by default a host restarted on the same data folder with the same documents keeps its codes, so participants reconnect by themselves)')
    .action(async (options: HostOptions) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${options.port}"`);
      const store = openStore({ dataDir: options.dataDir ?? defaultDataDir() });
      try {
        const docIds = options.open ? await openFile(store, options.open) : store.listDocuments().map((d) => d.id);
        if (docIds.length === 0) throw new CliError('there is no document to host: the store is empty; pass --open FILE');
        const codes = options.newCodes ? undefined : store.hostCodes(docIds);
        const host = await startHost({ docs: createLiveDocuments(store), docIds, bind: options.bind, port, codes });
        store.setHostCodes({ joinCode: host.joinCode, facilitatorCode: host.facilitatorCode, documents: docIds });
        // Listening for the signals before the banner: whoever reads it may stop us at once.
        const stopped = untilStopped();
        process.stdout.write(`${JSON.stringify({ url: host.url, documents: host.documents, joinCode: host.joinCode, facilitatorCode: host.facilitatorCode })}\n`);
        await stopped;
        await host.stop();
      } finally {
        store.close();
      }
    });
}

async function openFile(store: Store, file: string): Promise<string[]> {
  const text = await readInputText(file);
  const nodes = text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? parseJson(text, file) : importInput(text, file);
  const profile = store.getProfile();
  const created = store.createDocuments(
    nodes.map((node) => ({
      id: newId(),
      meta: documentMeta(node),
      update: Y.encodeStateAsUpdate(docToYDoc(node)),
      origin: 'import' as const,
      author: profile.name,
      delegation: profile.delegation,
    })),
  );
  return created.map((d) => d.id);
}

function parseJson(text: string, file: string): Node[] {
  try {
    const value: unknown = JSON.parse(text);
    return (Array.isArray(value) ? value : [value]).map((json) => {
      const node = Node.fromJSON(resolutionSchema, json);
      node.check();
      return node;
    });
  } catch (err) {
    throw new CliError(`${file} is not a Penholder JSON document: ${(err as Error).message}`);
  }
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
