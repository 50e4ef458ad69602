import type { ProvenanceParagraph } from '../../shared/api/contract.js';
import { citationText, hitSource } from './agreed-language.js';
import { t } from '../i18n/index.js';

/**
 * The provenance report of a draft as the files the Library panel saves: plain text for
 * reading and mailing, CSV for a spreadsheet (one row per paragraph).
 */

/** A provenance report: the paragraphs with their status and the share of agreed language (0..1). */
export type ProvenanceReport = { paragraphs: readonly ProvenanceParagraph[]; share: number };

/** The counts of a report by status. */
export function provenanceCounts(report: ProvenanceReport): { verbatim: number; near: number; new: number } {
  const counts = { verbatim: 0, near: 0, new: 0 };
  for (const p of report.paragraphs) counts[p.status] += 1;
  return counts;
}

/** The share of agreed language as people read it: "62%" (rounded; "less than 1%" rather than a misleading 0%). */
export function sharePercent(share: number): string {
  if (share > 0 && share < 0.005) return 'less than 1%';
  return `${Math.round(share * 100)}%`;
}

/** The one-line summary: "62% agreed language: 10 verbatim, 3 near, 8 new of 21 paragraphs". */
export function provenanceSummary(report: ProvenanceReport): string {
  const c = provenanceCounts(report);
  const n = report.paragraphs.length;
  return t('library:provenanceExport.summary', { sharePercent: sharePercent(report.share), verbatim: c.verbatim, near: c.near, new: c.new, count: n });
}

const statusWords = { verbatim: 'verbatim', near: 'near', new: 'new' } as const;

/** The report as plain text: a heading with the title and summary, then per paragraph its label, status, source and text. */
export function provenanceText(report: ProvenanceReport, title: string): string {
  const lines = [t('library:provenanceExport.provenanceOf', { value: title || 'the draft' }), provenanceSummary(report), ''];
  for (const p of report.paragraphs) {
    const source = p.hit ? ` (${citationText(p.hit).replace(/\.$/, '')}${p.hit.date ? `, ${p.hit.date}` : ''})` : '';
    lines.push(`${p.label}: ${statusWords[p.status]}${source}`, `  ${p.text.replace(/\s+/g, ' ').trim()}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The report as CSV (RFC 4180, CRLF): label, status, similarity, source symbol, source label, date, adopted, text. */
export function provenanceCsv(report: ProvenanceReport): string {
  const rows = [['label', 'status', 'similarity', 'source', 'source_label', 'source_date', 'adopted', 'text']];
  for (const p of report.paragraphs) {
    const hit = p.hit;
    rows.push([
      p.label,
      p.status,
      hit?.similarity !== undefined ? hit.similarity.toFixed(2) : hit && p.status === 'verbatim' ? '1.00' : '',
      hit?.symbol ?? '',
      hit?.label ?? '',
      hit?.date ?? '',
      hit ? (hit.adopted ? 'yes' : 'no') : '',
      p.text.replace(/\s+/g, ' ').trim(),
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A file name for the report: "Provenance A_RES_74_129.txt" style, from the symbol or title, without characters file systems refuse. */
export function provenanceFileName(name: string, ending: 'txt' | 'csv'): string {
  const base = (name || 'draft').replace(/[\\/:*?"<>|]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80);
  // i18n-ignore: a file name ('Provenance' is the same word in French)
  return `Provenance ${base}.${ending}`;
}

/** Where a paragraph's language comes from, for the panel ("78/201 OP 5"), or null when new. */
export function provenanceSource(p: ProvenanceParagraph): string | null {
  return p.hit ? hitSource(p.hit) : null;
}
