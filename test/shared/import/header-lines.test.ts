import { describe, expect, it } from 'vitest';
import { isMetaLine, isPageArtifact, isSymbolLine, parseHeaderLines, parseSponsors } from '../../../shared/import/header-lines.js';

describe('page artifacts', () => {
  it('recognizes job numbers, page numbers and their combinations with a symbol', () => {
    for (const line of ['V.23-09876', '23-09876', '3/45', '- 3 -', '12', 'E/2023/30 3/45', 'V.23-09876 (E)', 'GE.23-12345']) {
      expect(isPageArtifact(line), line).toBe(true);
    }
  });

  it('leaves text, labels and a symbol alone untouched', () => {
    for (const line of ['E/2023/30', '12.', '(a) text', 'Resolution 70/1.', '2030 Agenda']) expect(isPageArtifact(line), line).toBe(false);
  });
});

describe('header block lines', () => {
  it('recognizes symbols, dates, Distr., Original, sessions, agenda items and sponsor lines', () => {
    expect(isSymbolLine('E/CN.15/2023/L.4/Rev.1')).toBe(true);
    expect(isSymbolLine('Recalling')).toBe(false);
    for (const line of ['12 May 2023', 'Distr.: General', 'Original: French', 'Seventy-eighth session', 'Agenda item 12 (b)', 'Canada: draft decision']) {
      expect(isMetaLine(line), line).toBe(true);
    }
    expect(isMetaLine('Equal access to justice for all')).toBe(false);
  });

  it('reads the header fields, the language from the English name on the Original line', () => {
    expect(parseHeaderLines(['A/C.3/78/L.12', '3 October 2023', 'Original: Spanish', 'Seventy-eighth session', 'Agenda item 107', 'Mexico and Peru: draft resolution'])).toEqual({
      symbol: 'A/C.3/78/L.12',
      date: '3 October 2023',
      language: 'es',
      session: 'Seventy-eighth session',
      agendaItem: '107',
      sponsors: ['Mexico', 'Peru'],
      heading: '',
    });
  });

  it('splits sponsors on commas and the last "and", keeping names that contain "and"', () => {
    expect(parseSponsors('Canada: draft resolution')).toEqual(['Canada']);
    expect(parseSponsors('Bosnia and Herzegovina, Chile and Trinidad and Tobago: draft resolution')).toEqual(['Bosnia and Herzegovina', 'Chile', 'Trinidad and Tobago']);
    expect(parseSponsors('Japan and Saint Vincent and the Grenadines: draft decision')).toEqual(['Japan', 'Saint Vincent and the Grenadines']);
  });
});
