/**
 * The header block of a UN document (symbol, date, "Distr.", "Original:", session, agenda
 * item, sponsors line, organ and place lines) and the page headers and footers a PDF
 * extraction leaves in the text ("V.23-09876", "3/45", "- 3 -").
 */

/** The header attributes the importer can read from a header block (the schema's `header` attrs). */
export type ImportedHeader = {
  symbol: string;
  date: string;
  language: string;
  session: string;
  agendaItem: string;
  sponsors: string[];
  heading: string;
};

const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
const symbolPattern = /^[A-Z]{1,6}(?:\/[A-Za-z0-9.-]{1,20}){1,8}(?: \(\d{4}\))?$/;
const datePattern = new RegExp(`^\\d{1,2} (?:${months}) \\d{4}$`);
const sessionPattern = /^[A-Z][a-z]+(?:-[a-z]+)?(?: (?:special|resumed|regular|emergency special))? session$/;
const organLines = new Set([
  'General Assembly', 'Security Council', 'Economic and Social Council', 'Human Rights Council', 'United Nations',
  'Distr.: General', 'Distr.: Limited', 'Limited', 'General',
  // French and Spanish mastheads translate the distribution line (every 74th-session AKN file).
  'Distr. générale', 'Distr. limitée', 'Distr. general', 'Distr. limitada',
]);
// The Original line names the language in English, or in French or Spanish in those mastheads.
const languageCodes: Record<string, string> = {
  English: 'en', French: 'fr', Spanish: 'es', Arabic: 'ar', Chinese: 'zh', Russian: 'ru',
  anglais: 'en', français: 'fr', espagnol: 'es', arabe: 'ar', chinois: 'zh', russe: 'ru',
  inglés: 'en', francés: 'fr', español: 'es', árabe: 'ar', chino: 'zh', ruso: 'ru',
};
const sponsorSuffix = /: (?:revised )?draft (?:resolution|decision)$/i;

/** True for a document symbol on a line of its own: "E/CN.15/2023/L.6", "A/RES/77/231". */
export function isSymbolLine(line: string): boolean {
  return line.length <= 80 && /\d/.test(line) && symbolPattern.test(line);
}

/** True for a line of a header block (see the module doc); a title or body line never is one. */
export function isMetaLine(line: string): boolean {
  if (line.length > 2000) return false;
  return (
    isSymbolLine(line) ||
    datePattern.test(line) ||
    sessionPattern.test(line) ||
    organLines.has(line) ||
    /^Distr\.\s?:/.test(line) ||
    /^Original\s?:\s?\S{2,20}$/.test(line) ||
    /^Agenda items? \S.{0,60}$/.test(line) ||
    /^(?:Commission on|Conference of the) [A-Z][^,;.:]{0,100}$/.test(line) ||
    /^[A-Z][a-zA-Z ]{1,30}, \d{1,2}[^,;:]{0,30} \d{4}$/.test(line) ||
    (line.length < 1500 && sponsorSuffix.test(line))
  );
}

const artifactToken = /^(?:(?:[A-Z]{1,2}\.)?\d{2}-\d{5}|\(E\)|\d{1,4}\/\d{1,4}|\d{1,4}|\*\d{5,}\*|-|–)$/;

/**
 * True for a page header or footer line: a job number ("V.23-09876", "23-09876"), a page
 * number ("3/45", "- 3 -", "12"), or those mixed with a document symbol ("E/2023/30 3/45").
 * A document symbol alone is not one (it may start a header block); see `isSymbolLine`.
 */
export function isPageArtifact(line: string): boolean {
  if (line.length > 80) return false;
  const tokens = line.split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return false;
  let artifacts = 0;
  for (const token of tokens) {
    if (artifactToken.test(token)) artifacts++;
    else if (!isSymbolLine(token)) return false;
  }
  return artifacts > 0 && tokens.some((t) => /\d/.test(t));
}

/** Protected names that contain " and " and must not be split when reading a sponsors line. */
const compoundNames = [
  'Antigua and Barbuda', 'Bosnia and Herzegovina', 'Trinidad and Tobago', 'Saint Kitts and Nevis',
  'Saint Vincent and the Grenadines', 'Sao Tome and Principe', 'United Kingdom of Great Britain and Northern Ireland',
  'Group of 77 and China', 'G77 and China', 'Heard Island and McDonald Islands', 'Turks and Caicos Islands',
];

/**
 * The sponsors of a sponsors line "A, B and C: draft resolution", in order. Names with
 * " and " in them ("Antigua and Barbuda") are kept whole.
 */
export function parseSponsors(line: string): string[] {
  const list = line.replace(sponsorSuffix, '');
  let masked = list;
  compoundNames.forEach((name, i) => {
    masked = masked.split(name).join(`\uE010${i}\uE011`);
  });
  const parts = masked.split(', ').flatMap((part, i, all) => (i === all.length - 1 ? splitLastAnd(part) : [part]));
  return parts
    .map((part) => part.replace(/\uE010(\d+)\uE011/g, (_m, i: string) => compoundNames[Number(i)] ?? ''))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function splitLastAnd(part: string): string[] {
  const at = part.lastIndexOf(' and ');
  return at < 0 ? [part] : [part.slice(0, at), part.slice(at + 5)];
}

/** Header attributes read from the lines of a header block (unknown lines are ignored). */
export function parseHeaderLines(lines: readonly string[]): ImportedHeader {
  const header: ImportedHeader = { symbol: '', date: '', language: '', session: '', agendaItem: '', sponsors: [], heading: '' };
  for (const line of lines) {
    const original = /^Original\s?:\s?(\S+)$/.exec(line);
    const agenda = /^Agenda items? (.+)$/.exec(line);
    if (original) header.language = languageCodes[original[1] ?? ''] ?? header.language;
    else if (agenda) header.agendaItem = agenda[1] ?? '';
    else if (sponsorSuffix.test(line)) header.sponsors = parseSponsors(line);
    else if (isSymbolLine(line) && header.symbol === '') header.symbol = line;
    else if (datePattern.test(line)) header.date = line;
    else if (sessionPattern.test(line)) header.session = line;
  }
  return header;
}
