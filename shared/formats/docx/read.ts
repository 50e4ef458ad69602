/**
 * The Word (.docx) reader: a WordprocessingML package to resolution documents, with its
 * tracked changes accepted, rejected, or kept as negotiation proposals. Pure: the package
 * is opened with fflate under size bounds and parsed with @xmldom/xmldom.
 *
 * What is read: paragraphs with their styles (basedOn chains), Word's automatic numbering
 * (read-numbering.ts) and numbers typed by hand, italics (the opener), footnotes and
 * endnotes, text inside hyperlinks, fields (the result), content controls and smart tags,
 * and tracked changes (`w:ins`, `w:del`, moves, paragraph-mark revisions) with author and
 * date. Comments become warnings (read-notes.ts says why). The structure (title, body line,
 * PP/OP/subparagraphs, annexes) is found by the plain-text importer's own logic
 * (read-build.ts).
 *
 * Proposals: each insertion is a `bracket` proposed by `delegationOf(author)`, each deletion
 * a bracket with `deletion: true`, an inserted paragraph a paragraph with a whole-paragraph
 * bracket, a deleted paragraph a deletion proposal over its text. An author for whom
 * `delegationOf` returns null (or when it is not given) proposes as no delegation: the
 * bracket's `proposedBy` stays empty, and one warning per such author says so, so the
 * caller can ask which delegation the author speaks for and import again.
 */
import type { Element } from '@xmldom/xmldom';
import type { Node } from 'prosemirror-model';
import { msg, type Message } from '../../i18n/message.js';
import { FormatError, importResult, type FormatImportResult, type TrackedChangeCounts, type TrackedChangeMode } from '../types.js';
import { openPackage, parseXml, readRelationships, wChild, type OoxmlPackage } from './ooxml-read.js';
import { authorName, newBodyState, readParagraphs, type Change } from './read-body.js';
import { buildDocuments } from './read-build.js';
import { commentWarnings, readNotes } from './read-notes.js';
import { readNumbering } from './read-numbering.js';
import { readStyles } from './read-styles.js';
import { viewParagraphs, type ViewPiece } from './read-view.js';

/** Options of `readDocx`: the tracked-change mode ('accept' by default) and who each author speaks for. */
export type ReadDocxOptions = { trackedChanges?: TrackedChangeMode; delegationOf?: (author: string) => string | null };

/**
 * The resolutions and decisions of a .docx file, in order, with every warning, and the
 * counts of its tracked changes (see `TrackedChangeCounts`; the same whatever the mode).
 * Throws a FormatError naming what is wrong for input that is not a Word package, a
 * damaged or oversized one (zip bombs included), malformed or too deeply nested XML, or a
 * document holding no resolution or decision.
 */
export function readDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): FormatImportResult & { trackedChanges: TrackedChangeCounts } {
  const mode = options.trackedChanges ?? 'accept';
  const pkg = openPackage(bytes);
  const mainName = readRelationships(pkg, '_rels/.rels', '').get('officeDocument') ?? 'word/document.xml';
  const mainXml = pkg.text(mainName) ?? pkg.text('word/document.xml');
  if (mainXml === null) throw new FormatError(msg('formats:docx.noMainPart', { part: mainName }));
  const slash = mainName.lastIndexOf('/');
  const dir = slash >= 0 ? mainName.slice(0, slash + 1) : '';
  const rels = readRelationships(pkg, `${dir}_rels/${mainName.slice(slash + 1)}.rels`, dir);
  const part = (type: string): Element | null => optionalPart(pkg, rels.get(type) ?? `${dir}${type}.xml`);
  const body = wChild(parseXml(mainXml, mainName), 'body');
  if (!body) throw new FormatError(msg('formats:docx.noBody', { part: mainName }));
  const stylesRoot = part('styles');
  const styles = readStyles(stylesRoot);
  const numbering = readNumbering(part('numbering'), stylesRoot);
  const state = newBodyState(styles);
  const paragraphs = readParagraphs(body, state);
  state.counting = false;
  const notes = new Map<string, ViewPiece[]>();
  readNotes(part('footnotes'), 'f', state, mode, notes);
  readNotes(part('endnotes'), 'e', state, mode, notes);
  const warnings = state.warnings;
  const view = viewParagraphs(paragraphs, mode, (message) => warnings.push(message));
  const documents: Node[] = buildDocuments({ paragraphs: view, notes, numbering, styles, mode, proposers: proposersOf(options, view, warnings), warnings });
  warnings.push(...commentWarnings(part('comments'), state.anchors));
  for (const [what, n] of state.skipped) warnings.push(msg('formats:docx.skipped', { what: msg(`formats:docx.skip.${what}`), n }));
  const authors = [...state.authors, ...state.markAuthors.filter((a) => !state.authors.includes(a))];
  return { ...importResult(documents, warnings), trackedChanges: { insertions: state.insertions, deletions: state.deletions, authors } };
}

function optionalPart(pkg: OoxmlPackage, name: string): Element | null {
  const xml = pkg.text(name);
  return xml === null ? null : parseXml(xml, name);
}

// Delegation codes of each author's proposals; an author without one is said once, with
// how many changes and the dates they were made.
function proposersOf(options: ReadDocxOptions, view: readonly { pieces: ViewPiece[]; whole: Change | null }[], warnings: Message[]): (change: Change) => string[] {
  const said = new Set<string>();
  const dates = new Map<string, string[]>();
  for (const para of view) {
    for (const change of [para.whole, ...para.pieces.map((p) => p.change)]) {
      if (!change) continue;
      const list = dates.get(change.author) ?? [];
      list.push(change.date);
      dates.set(change.author, list);
    }
  }
  return (change) => {
    const code = options.delegationOf?.(change.author) ?? null;
    if (code !== null && code !== '') return [code];
    if (!said.has(change.author)) {
      said.add(change.author);
      const when = (dates.get(change.author) ?? []).filter((d) => d !== '').sort();
      const first = when[0];
      const last = when[when.length - 1];
      const values = { author: authorName(change.author), n: (dates.get(change.author) ?? []).length };
      const text =
        first === undefined ? msg('formats:docx.noDelegation', values)
        : last === undefined || last === first ? msg('formats:docx.noDelegationOn', { ...values, first })
        : msg('formats:docx.noDelegationFromTo', { ...values, first, last });
      warnings.push(text);
    }
    return [];
  };
}
