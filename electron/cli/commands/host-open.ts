import { createHash } from 'node:crypto';
import path from 'node:path';
import { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { newId } from '../../../shared/ids.js';
import { docToYDoc } from '../../../shared/ydoc.js';
import { documentMeta } from '../../backend/live-documents.js';
import type { ImportedFile } from '../../store/imported-files.js';
import type { Store } from '../../store/store.js';
import { CliError } from '../cli-error.js';
import { importInput, readInputText } from './read-input.js';

/**
 * The documents `penholder host --open FILE` serves. The first time, FILE (a UN text for the
 * importer, or ProseMirror JSON of one document or an array of them) is imported as new
 * documents and the store records them under FILE's absolute path with the content's
 * SHA-256. Started again with the same FILE on the same data folder, the host serves those
 * documents, with every change made in the consultation, and says so on stderr: new ids at
 * each restart would leave the participants' replicas (who keep working offline meanwhile)
 * on documents the host no longer serves. If the file changed since, it still serves them
 * and says how to start afresh: `reimport` imports the file again as new documents.
 * Standard input (`-`) has no path: it is recorded by its content hash, so only the same
 * text continues. Logs go to `log` (one line each, without the newline).
 */
export async function documentsToHost(store: Store, file: string, options: { reimport?: boolean; log: (line: string) => void }): Promise<string[]> {
  const text = await readInputText(file);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const source = file === '-' ? `stdin:${sha256}` : path.resolve(file);
  const name = file === '-' ? 'standard input' : source;
  const earlier = store.importedFile(source);
  const kept = earlier !== undefined && earlier.documents.length > 0 && earlier.documents.every((id) => store.getDocument(id) !== undefined);
  if (earlier && kept && !options.reimport) {
    options.log(continuing(earlier, name, earlier.sha256 === sha256));
    return earlier.documents;
  }
  const nodes = text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? parseJson(text, file) : importInput(text, file);
  const profile = store.getProfile();
  const inputs = nodes.map((node) => ({
    id: newId(),
    meta: documentMeta(node),
    update: Y.encodeStateAsUpdate(docToYDoc(node)),
    origin: 'import' as const,
    author: profile.name,
    delegation: profile.delegation,
  }));
  const documents = inputs.map((d) => d.id);
  // Recorded before they are created: a host killed in between finds them missing next time
  // and imports again, where the other order would leave an unrecorded copy behind.
  store.rememberImport({ source, sha256, documents });
  store.createDocuments(inputs);
  const count = plural(documents.length);
  if (earlier && kept) options.log(`imported ${name} again as ${count} (--reimport), a new consultation; the ${plural(earlier.documents.length)} imported from it on ${earlier.importedAt} stay in the store`);
  else if (earlier) options.log(`the documents recorded for ${name} on ${earlier.importedAt} are not in the store (an interrupted start?): imported it again as ${count}`);
  else options.log(`imported ${name} as ${count}; started again with the same --open, the host continues them`);
  return documents;
}

function continuing(earlier: ImportedFile, name: string, unchanged: boolean): string {
  const what = plural(earlier.documents.length);
  if (unchanged) return `continuing the ${what} imported from ${name} on ${earlier.importedAt} (same content, not imported again)`;
  return (
    `${name} has changed since it was imported on ${earlier.importedAt}: continuing the ${what} imported then, with the changes made in ` +
    'the consultation, and leaving the new text aside; to start a new consultation from the new text (new documents, new codes), add --reimport'
  );
}

function plural(n: number): string {
  return n === 1 ? '1 document' : `${n} documents`;
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
