import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { emptyHeader } from '../../../shared/document/header.js';
import { distributionLine, organOfBodyLine, organOfSymbol } from '../../../shared/document/labels-masthead.js';
import { headerLines, headerPlugin } from '../../../renderer/editor/header-view.js';

describe('organOfSymbol', () => {
  it('names the principal organ from the symbol series', () => {
    expect(organOfSymbol('A/C.3/78/L.12')).toBe('General Assembly');
    expect(organOfSymbol('E/CN.15/2023/L.6')).toBe('Economic and Social Council');
    expect(organOfSymbol('S/RES/2720 (2023)')).toBe('Security Council');
    expect(organOfSymbol('')).toBe('');
    expect(organOfSymbol('UNEP/EA.6/L.1')).toBe('');
  });

  it('names it in the document language', () => {
    expect(organOfSymbol('A/C.3/74/L.12', 'ar')).toBe('الجمعية العامة');
    expect(organOfSymbol('A/C.3/74/L.12', 'zh')).toBe('大会');
    expect(organOfSymbol('E/CN.15/2023/L.6', 'fr')).toBe('Conseil économique et social');
    expect(organOfSymbol('S/RES/2720 (2023)', 'ru')).toBe('Совет Безопасности');
  });
});

describe('organOfBodyLine', () => {
  it('drops the article and the closing punctuation', () => {
    expect(organOfBodyLine('The General Assembly,')).toBe('General Assembly');
    expect(organOfBodyLine('The Economic and Social Council:')).toBe('Economic and Social Council');
    expect(organOfBodyLine('  ')).toBe('');
  });

  it('reads the body lines of the other official languages', () => {
    expect(organOfBodyLine('إن الجمعية العامة،')).toBe('الجمعية العامة');
    expect(organOfBodyLine('大会，')).toBe('大会');
    expect(organOfBodyLine('L’Assemblée générale,')).toBe('Assemblée générale');
    expect(organOfBodyLine('La Asamblea General,')).toBe('Asamblea General');
    expect(organOfBodyLine('Генеральная Ассамблея,')).toBe('Генеральная Ассамблея');
  });
});

describe('headerLines', () => {
  it('lays out a full L-document header', () => {
    const lines = headerLines(
      {
        ...emptyHeader,
        symbol: 'E/CN.15/2023/L.6',
        date: '18 May 2023',
        language: 'fr',
        session: 'Thirty-second session',
        agendaItem: '5',
        sponsors: ['Canada', 'Japan', 'Switzerland'],
        heading: 'Draft resolution II',
      },
      'resolution',
      'The Commission on Crime Prevention and Criminal Justice,',
    );
    expect(lines).toEqual({
      unitedNations: 'Nations Unies',
      organ: 'Conseil économique et social',
      symbol: 'E/CN.15/2023/L.6',
      meta: ['Distr. limitée', '18 May 2023', 'Original : français'],
      session: ['Thirty-second session', 'Point 5 de l’ordre du jour'],
      sponsorsLine: 'Canada, Japan et Switzerland : projet de résolution',
      heading: 'Draft resolution II',
    });
  });

  it('writes an Arabic and a Chinese masthead in their own words, the distribution block in English as their texts print it', () => {
    const header = { ...emptyHeader, symbol: 'A/C.3/74/L.12', date: '3 October 2019', session: 'الدورة الرابعة والسبعون', agendaItem: '61', sponsors: ['الأردن', 'تونس', 'مصر'] };
    const ar = headerLines({ ...header, language: 'ar' }, 'resolution');
    expect(ar.unitedNations).toBe('الأمم المتحدة');
    expect(ar.organ).toBe('الجمعية العامة');
    expect(ar.meta).toEqual(['Distr.: Limited', '3 October 2019', 'Original: Arabic']);
    expect(ar.session).toEqual(['الدورة الرابعة والسبعون', 'البند 61 من جدول الأعمال']);
    expect(ar.sponsorsLine).toBe('الأردن، تونس، ومصر: مشروع قرار');
    const zh = headerLines({ ...header, language: 'zh', session: '第七十四届会议', sponsors: ['中国', '日本'] }, 'decision');
    expect([zh.unitedNations, zh.organ]).toEqual(['联合国', '大会']);
    expect(zh.session).toEqual(['第七十四届会议', '议程项目61']);
    expect(zh.sponsorsLine).toBe('中国和日本：决定草案');
    expect(headerLines({ ...emptyHeader, sponsors: [], language: 'zh' }, 'resolution', '大会，').organ).toBe('大会');
  });

  it('writes the distribution line the document calls for, in its language: limited for a draft of the L series, general for an adopted text', () => {
    const meta = (symbol: string, language: 'en' | 'fr' | 'es' | 'ar') => headerLines({ ...emptyHeader, symbol, language }, 'resolution').meta[0];
    expect(meta('A/C.3/78/L.12', 'en')).toBe('Distr.: Limited');
    expect(meta('A/RES/78/201', 'en')).toBe('Distr.: General');
    expect(meta('A/RES/78/201', 'fr')).toBe('Distr. générale');
    expect(meta('A/C.3/78/L.12', 'fr')).toBe('Distr. limitée');
    expect(meta('A/RES/78/201', 'es')).toBe('Distr. general');
    expect(meta('E/RES/2019/1', 'ar')).toBe('Distr.: General');
    expect(headerLines({ ...emptyHeader, symbol: 'A/RES/78/201', language: 'fr' }, 'resolution').meta[0]).toBe(distributionLine('A/RES/78/201', 'fr'));
  });

  it('leaves out what a fresh template has not filled in, naming the organ from the body line', () => {
    const lines = headerLines({ ...emptyHeader, sponsors: [] }, 'decision', 'The Economic and Social Council:');
    expect(lines.organ).toBe('Economic and Social Council');
    expect(lines.meta).toEqual(['Original: English']);
    expect(lines.session).toEqual([]);
    expect(lines.sponsorsLine).toBe('');
  });

  it('keeps an agenda item that already says so, and names a single sponsor alone', () => {
    const lines = headerLines({ ...emptyHeader, agendaItem: 'Agenda item 68 (b)', sponsors: ['Mexico'] }, 'decision');
    expect(lines.session).toEqual(['Agenda item 68 (b)']);
    expect(lines.sponsorsLine).toBe('Mexico: draft decision');
  });
});

describe('headerPlugin', () => {
  const organOf = (state: EditorState): string | undefined => {
    const set = state.plugins[0]?.getState(state) as DecorationSet;
    const [deco] = set.find(0, 1);
    return (deco?.spec as { organ?: string } | undefined)?.organ;
  };

  it('follows the body line while there is no symbol, and the symbol once there is one', () => {
    const doc = buildDocument({ title: 'T', body: 'The General Assembly,', operative: ['Decides.'] });
    let state = EditorState.create({ schema: resolutionSchema, doc, plugins: [headerPlugin()] });
    expect(organOf(state)).toBe('General Assembly');

    let bodyStart = 0;
    state.doc.forEach((child, offset) => {
      if (child.type.name === 'body_line') bodyStart = offset + 1;
    });
    state = state.apply(state.tr.insertText('The Economic and Social Council,', bodyStart, bodyStart + 'The General Assembly,'.length));
    expect(organOf(state)).toBe('Economic and Social Council');

    state = state.apply(state.tr.setNodeAttribute(0, 'symbol', 'A/C.3/80/L.5'));
    expect(organOf(state)).toBe('General Assembly');
  });
});
