import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Node } from 'prosemirror-model';
import { toTypst } from '../../shared/formats/pdf/typst.js';
import type { ExportView } from '../../shared/formats/types.js';
import { msg } from '../../shared/i18n/message.js';
import { FormatError } from '../../shared/formats/types.js';

/**
 * PDF in UN layout through Typst (the npm compiler, Typst 0.14.2, which ships its binary):
 * footnotes at the foot of the page that cites them, page numbers, fonts embedded and
 * subset, text selectable, and a tagged PDF (Typst 0.14 tags by default). Chosen over a
 * paged-media polyfill in Chromium by measurement (see the commit that added this file).
 */

/** Options of `writePdf`: those of `toTypst`, plus document properties for the PDF's metadata. */
export type PdfOptions = { view?: ExportView; paper?: 'a4' | 'letter'; tags?: boolean; properties?: Record<string, string> };

// One compiler for the process: creating one scans the system's fonts (~100 ms), and its
// caches make the next document faster. Fonts: the system folders Typst searches by
// itself (where Times New Roman, Liberation Serif and Noto live) plus Typst's embedded ones.
let compiler: NodeCompiler | null = null;
// Each document is compiled as a new file of its own: handing the compiler one main file
// whose content changes makes it reparse the old source incrementally, and that mixes the
// previous document's text into the next (an Arabic resolution's last words printed at the
// end of the next, Chinese, one: caught by the test). Nothing is read from or written to
// this folder; it only has to be the workspace the virtual files are placed in.
const workspace = path.join(tmpdir(), 'penholder-typst');
let sequence = 0;

function theCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace });
  return compiler;
}

/**
 * The PDF of `doc` (see `toTypst` for the layout and the options). Rejects with an Error
 * starting "pdf:" that quotes Typst's diagnostics when the source does not compile (which
 * would be a bug of the writer: user text never reaches Typst as markup).
 */
export async function writePdf(doc: Node, options: PdfOptions = {}): Promise<Uint8Array> {
  await Promise.resolve();
  const source = toTypst(doc, options);
  const typst = theCompiler();
  const main = path.join(workspace, `document-${++sequence}.typ`);
  typst.addSource(main, source);
  try {
    const compiled = typst.compile({ mainFilePath: main });
    const error = compiled.takeError();
    if (error || !compiled.result) {
      const diagnostics = error ? (typst.fetchDiagnostics(error) as unknown[]) : [];
      const messages = diagnostics.map(describe).filter((m) => m !== '');
      throw new FormatError(msg('backend:files.typstFailed', { detail: messages.join('; ') || (error?.kind ?? 'no result') }));
    }
    const pdf = typst.pdf(compiled.result, { creationTimestamp: Math.floor(Date.now() / 1000) });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    typst.unmapShadow(main);
    // Bounded memory over a long session of exports: results unused for 10 compilations go.
    typst.evictCache(10);
  }
}

function describe(diagnostic: unknown): string {
  if (typeof diagnostic !== 'object' || diagnostic === null) return String(diagnostic);
  const d = diagnostic as Record<string, unknown>;
  return typeof d.message === 'string' ? d.message : JSON.stringify(d);
}
