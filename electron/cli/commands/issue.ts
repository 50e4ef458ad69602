import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { defaultDataDir } from '../../backend/data-dir.js';
import { openInstallationKey } from '../../identity/installation-key.js';
import { RecordError, checkDocId, issueRevisionFile, maxDocIdLength, maxLabelLength, serializeRevisionFile } from '../../../shared/record/index.js';
import { newId } from '../../../shared/ids.js';
import { parseDocuments } from './export.js';
import { readInputText } from './read-input.js';
import { maxTextBytes, readFileBounded } from './read-bounded.js';

type IssueOptions = { label: string; after?: string; docId?: string; dataDir?: string; out: string };

/**
 * Registers `penholder issue DOC.json --label Rev.2 [--after PREVIOUS_FILE] [--doc-id ID]
 * [--data-dir D] --out FILE`: signs the document (ProseMirror JSON, one document) as revision
 * LABEL with the installation key of D (made on first use), chained after PREVIOUS_FILE (a
 * revision file that must verify and be of the same issuer; its chain is copied and
 * extended), and writes the revision file to FILE. Every record signs the document's id: the
 * previous file's, else --doc-id, else a new one for a first revision (--doc-id that differs
 * from the previous file's is refused; stderr names the id). The last stdout line is one
 * JSON object `{"label","hash","fingerprint","chain"}` (hash: the content hash; chain:
 * records held).
 */
export function registerIssueCommand(program: Command): void {
  program
    .command('issue')
    .description('Sign a document as an issued revision and write it as a revision file anyone can verify.')
    .argument('<doc>', 'the document: a ProseMirror JSON file (as import --json prints), or - for stdin')
    .requiredOption('--label <label>', 'the revision\'s name, e.g. "Rev.2"')
    .option('--after <file>', 'the previous issued revision file this one follows')
    .option('--doc-id <id>', "the document's id every record signs (default: the previous file's, else a new id)")
    .option('--data-dir <dir>', 'the installation whose key signs (default: $PENHOLDER_DATA_DIR, else the user-data folder)')
    .requiredOption('--out <file>', 'where to write the revision file')
    .action(async (docFile: string, options: IssueOptions) => {
      const label = options.label.trim();
      if (label === '' || label.length > maxLabelLength) throw new CliError(`--label must be a name of 1 to ${maxLabelLength} characters`);
      // The records' own rule, so an id the CLI takes is one every record can sign and verify.
      const givenDocId = options.docId?.trim();
      if (givenDocId !== undefined) checkDocId(givenDocId, () => {
        throw new CliError(`--doc-id must be an id of 1 to ${maxDocIdLength} characters, none of them a control character`);
      });
      const name = docFile === '-' ? 'standard input' : docFile;
      const docs = parseDocuments(await readInputText(docFile), name);
      if (docs.length !== 1) throw new CliError(`${name} holds ${docs.length} documents; issue takes one`);
      const previous = options.after === undefined ? null : await readFileBounded(options.after, options.after, maxTextBytes);
      const key = openInstallationKey(options.dataDir ?? defaultDataDir());
      let file;
      try {
        const docId = givenDocId ?? (previous ? undefined : newId());
        file = await issueRevisionFile({ document: docs[0]!.toJSON(), label, time: new Date().toISOString(), docId, previous, signer: key });
      } catch (err) {
        if (err instanceof RecordError) throw new CliError(`${options.after ?? name}: ${err.message}`);
        if (err instanceof RangeError) throw new CliError(`${name}: ${err.message}`);
        throw err;
      }
      writeAtomically(options.out, serializeRevisionFile(file));
      const record = file.chain.at(-1)!;
      process.stderr.write(`penholder: issued ${label} of document ${record.docId} (${file.chain.length} in its chain) signed by ${key.groupedFingerprint}\n`);
      process.stdout.write(`${JSON.stringify({ label, hash: record.contentHash, fingerprint: key.fingerprint, chain: file.chain.length })}\n`);
    });
}

// A reader never sees half a revision file: written beside, then renamed over.
function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw new CliError(`cannot write ${file}: ${(err as Error).message}`);
  }
}
