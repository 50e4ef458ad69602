/**
 * The English original of each adopted resolution, paragraph by paragraph, for the
 * style-corpus bench in the other languages: the six language versions of a resolution have
 * the same paragraphs (same paths "PP 3", "OP 12"), so what the English text writes at a
 * paragraph tells whether a hint on its translation points at a departure the English
 * original does not make. `englishRepeats` gives, per resolution file and document, the
 * paths where the English text marks a repeated opener (also/further, "once again") right
 * after a paragraph with the same opener.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readHeader } from '../shared/document/header.js';
import { computeNumbering } from '../shared/document/numbering.js';
import { readAkn } from '../shared/formats/akn/read.js';
import { summarizeParagraph } from '../shared/style/summary.js';
import { collectUnits } from '../shared/style/walk.js';

/** The resolution of an AKN file name in any language ("French/74_6_F.xml" -> "74_6"). */
export function resolutionOf(name: string): string {
  return (name.split('/').pop() ?? name).replace(/(?:_[ACFRS])?\.xml$/i, '');
}

/**
 * For each English resolution ("74_6") and each of its documents, the set of paragraph
 * paths whose opener repeats the one right before it in the same part and carries
 * also/further or a renewal word.
 */
export function englishRepeats(corpusDir: string): Map<string, Set<string>[]> {
  const zip = unzipSync(readFileSync(join(corpusDir, 'ga-74session-English.zip')));
  const out = new Map<string, Set<string>[]>();
  for (const [name, bytes] of Object.entries(zip)) {
    if (!name.toLowerCase().endsWith('.xml')) continue;
    let docs;
    try {
      docs = readAkn(new TextDecoder().decode(bytes), name).documents;
    } catch {
      continue;
    }
    out.set(resolutionOf(name), docs.map((doc) => {
      const language = readHeader(doc).language;
      const marked = new Set<string>();
      const previous = new Map<string, string | null>();
      for (const unit of collectUnits(doc, computeNumbering(doc))) {
        if (!unit.group) continue;
        const opener = summarizeParagraph({ id: unit.id, textNode: unit.textNode, part: unit.part, language }).opener;
        if (opener && previous.get(unit.group) === opener.key && (opener.adverb || opener.again)) marked.add(unit.path);
        previous.set(unit.group, opener?.key ?? null);
      }
      return marked;
    }));
  }
  return out;
}
