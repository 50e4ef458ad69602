import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import type { Node } from 'prosemirror-model';
import { exportText } from '../../../../shared/document/export-text.js';

/**
 * Independent readers of the Word writer's output for its tests: pandoc (with its
 * tracked-changes modes), LibreOffice, the OOXML schema validator, and the text export the
 * paragraphs are compared with. Whitespace is normalized (a label's tab, pandoc's indents)
 * and footnote markers dropped ("[3]" in pandoc, "³" in the text), footnote texts kept apart.
 */

/** Body paragraphs and footnote texts of a rendering, normalized for comparison. */
export type Paragraphs = { body: string[]; notes: string[] };

const norm = (s: string): string => s.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

/** The paragraphs pandoc reads from a .docx, with tracked changes accepted, rejected, or none present. */
export function pandocParagraphs(bytes: Uint8Array, changes: 'accept' | 'reject' = 'accept'): Paragraphs {
  const dir = mkdtempSync(join(tmpdir(), 'docx-pandoc-'));
  try {
    const file = join(dir, 'in.docx');
    writeFileSync(file, bytes);
    const out = execFileSync('pandoc', [`--track-changes=${changes}`, '-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
    const paragraphs = out.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
    const body: string[] = [];
    const notes: string[] = [];
    for (const p of paragraphs) {
      const note = /^\[(\d+)\] ?([\s\S]*)$/.exec(p);
      if (note) notes.push(norm(note[2] ?? ''));
      else body.push(norm(p.replace(/\[\d+\]/g, '')));
    }
    return { body: body.filter((p) => !/^Distr\. ?\S/.test(p)), notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What pandoc shows of a .docx with every change kept as markup (`--track-changes=all`). */
export function pandocAll(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'docx-pandoc-'));
  try {
    writeFileSync(join(dir, 'in.docx'), bytes);
    return execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'native', join(dir, 'in.docx')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The paragraphs of the UN text export of `doc` in `view`, normalized as `pandocParagraphs` does. */
export function textParagraphs(doc: Node, view: 'compilation' | 'clean' = 'compilation', tags = true): Paragraphs {
  const blocks = exportText(doc, { view, tags }).trimEnd().split('\n\n');
  const last = blocks[blocks.length - 1] ?? '';
  const hasNotes = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /.test(last);
  const notes = hasNotes ? last.split('\n').map((line) => norm(line.replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /, ''))) : [];
  const body = (hasNotes ? blocks.slice(0, -1) : blocks).flatMap((block) => block.split('\n')).map((line) => norm(line.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')));
  return { body: body.filter((p) => p !== ''), notes };
}

/** The text LibreOffice shows of a .docx (converted to plain text with a private profile). */
export function libreOfficeText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
  try {
    const file = join(dir, 'in.docx');
    writeFileSync(file, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
    return readFileSync(join(dir, 'in.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The schema errors of a package according to the OOXML validator (Microsoft 365 schemas). */
export async function ooxmlErrors(bytes: Uint8Array): Promise<string[]> {
  const result = await validate(bytes, 'docx', 'Microsoft365');
  return result.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description}`);
}

/** One part of a package as text. */
export function part(bytes: Uint8Array, name: string): string {
  const entry = unzipSync(bytes)[name];
  if (!entry) throw new Error(`no part ${name}`);
  return strFromU8(entry);
}

const odfText = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const odfOffice = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';

/**
 * The body paragraphs LibreOffice reads from a .docx, with its tracked changes accepted or
 * rejected: the file is converted to flat ODF and read there (LibreOffice keeps each change
 * as a range between change marks, its kind in `text:tracked-changes`); the text of the
 * ranges dropped by the choice is left out, paragraph breaks included, so paragraphs join
 * as they do in the application; empty paragraphs are kept. Footnotes are left out;
 * normalized as `pandocParagraphs`.
 */
export function libreOfficeParagraphs(bytes: Uint8Array): { accept: string[]; reject: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
  let fodt: string;
  try {
    const file = join(dir, 'in.docx');
    writeFileSync(file, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
    fodt = readFileSync(join(dir, 'in.fodt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { accept: flatOdfParagraphs(fodt, 'accept'), reject: flatOdfParagraphs(fodt, 'reject') };
}

function flatOdfParagraphs(fodt: string, changes: 'accept' | 'reject'): string[] {
  const doc = new DOMParser().parseFromString(fodt, 'text/xml');
  const body = doc.getElementsByTagNameNS(odfOffice, 'text')[0];
  if (!body) throw new Error('LibreOffice wrote no text body');
  const dropped = new Set<string>();
  for (const region of Array.from(body.getElementsByTagNameNS(odfText, 'changed-region'))) {
    const id = region.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'id') || region.getAttributeNS(odfText, 'id');
    const kind = region.getElementsByTagNameNS(odfText, changes === 'accept' ? 'deletion' : 'insertion').length > 0;
    if (kind && id) dropped.add(id);
  }
  const active = new Set<string>();
  let out = '';
  const walk = (node: XmlNode, inParagraph: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        // White space between paragraphs is the file's indentation, not text.
        if (active.size === 0 && inParagraph) out += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as XmlElement;
      const name = el.namespaceURI === odfText ? el.localName : '';
      if (name === 'tracked-changes' || name === 'note' || name === 'sequence-decls') continue;
      if (name === 'change-start' || name === 'change-end') {
        const id = el.getAttributeNS(odfText, 'change-id') ?? '';
        if (dropped.has(id)) {
          if (name === 'change-start') active.add(id);
          else active.delete(id);
        }
      } else if (name === 'tab' || name === 's' || name === 'line-break') {
        if (active.size === 0) out += ' ';
      } else walk(el, inParagraph || name === 'p' || name === 'h');
      if ((name === 'p' || name === 'h') && active.size === 0) out += '\n';
    }
  };
  walk(body, false);
  // Empty paragraphs are kept: a paragraph left empty by accepting or rejecting means a
  // paragraph mark that was not marked inserted or deleted.
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map(norm)
    .filter((p) => !/^Distr\. ?\S/.test(p));
}
