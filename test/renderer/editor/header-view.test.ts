import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { emptyHeader } from '../../../shared/document/header.js';
import { headerLines, headerPlugin, organOfBodyLine, organOfSymbol } from '../../../renderer/editor/header-view.js';

describe('organOfSymbol', () => {
  it('names the principal organ from the symbol series', () => {
    expect(organOfSymbol('A/C.3/78/L.12')).toBe('General Assembly');
    expect(organOfSymbol('E/CN.15/2023/L.6')).toBe('Economic and Social Council');
    expect(organOfSymbol('S/RES/2720 (2023)')).toBe('Security Council');
    expect(organOfSymbol('')).toBe('');
    expect(organOfSymbol('UNEP/EA.6/L.1')).toBe('');
  });
});

describe('organOfBodyLine', () => {
  it('drops the article and the closing punctuation', () => {
    expect(organOfBodyLine('The General Assembly,')).toBe('General Assembly');
    expect(organOfBodyLine('The Economic and Social Council:')).toBe('Economic and Social Council');
    expect(organOfBodyLine('  ')).toBe('');
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
      organ: 'Economic and Social Council',
      symbol: 'E/CN.15/2023/L.6',
      meta: ['Distr.: Limited', '18 May 2023', 'Original: French'],
      session: ['Thirty-second session', 'Agenda item 5'],
      sponsorsLine: 'Canada, Japan and Switzerland: draft resolution',
      heading: 'Draft resolution II',
    });
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
