import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { delegations } from '../../../seeds/index.js';
import { buildDocument } from '../../../shared/document/build.js';
import { childText, readHeader } from '../../../shared/document/header.js';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { addSponsor, filterDelegations, removeSponsor, setBlockTextTr, setHeaderTr } from '../../../renderer/editor/metadata.js';

function stateOf(): EditorState {
  const doc = buildDocument({
    header: { symbol: 'A/C.3/78/L.1', sponsors: ['CAN'] },
    title: 'Legal aid',
    body: 'The General Assembly,',
    operative: [{ text: 'Requests:', subparagraphs: ['first;', 'second.'] }],
  });
  return EditorState.create({ schema: resolutionSchema, doc });
}

describe('header transactions', () => {
  it('sets header attributes and keeps the others', () => {
    const state = stateOf();
    const next = state.apply(setHeaderTr(state, { session: 'Seventy-eighth session', sponsors: ['CAN', 'JPN'] })!);
    next.doc.check();
    expect(readHeader(next.doc)).toMatchObject({ symbol: 'A/C.3/78/L.1', session: 'Seventy-eighth session', sponsors: ['CAN', 'JPN'] });
  });

  it('returns null when nothing changes', () => {
    const state = stateOf();
    expect(setHeaderTr(state, { symbol: 'A/C.3/78/L.1', sponsors: ['CAN'] })).toBeNull();
  });

  it('switching the language to French relabels subparagraphs a)', () => {
    const state = stateOf();
    const labels = (s: EditorState) => computeNumbering(s.doc).entries.filter((e) => e.kind === 'sub').map((e) => e.label);
    expect(labels(state)).toEqual(['(a)', '(b)']);
    const next = state.apply(setHeaderTr(state, { language: 'fr' })!);
    expect(labels(next)).toEqual(['a)', 'b)']);
  });
});

describe('title and body line', () => {
  it('replaces the whole text of the title and of the body line', () => {
    let state = stateOf();
    state = state.apply(setBlockTextTr(state, 'title', 'Access to legal aid for all')!);
    state = state.apply(setBlockTextTr(state, 'body_line', 'The Economic and Social Council,')!);
    state.doc.check();
    expect(childText(state.doc, 'title')).toBe('Access to legal aid for all');
    expect(childText(state.doc, 'body_line')).toBe('The Economic and Social Council,');
    expect(setBlockTextTr(state, 'title', 'Access to legal aid for all')).toBeNull();
    state = state.apply(setBlockTextTr(state, 'title', '')!);
    expect(childText(state.doc, 'title')).toBe('');
  });
});

describe('sponsors', () => {
  it('adds in order without duplicates and removes', () => {
    expect(addSponsor(['CAN'], 'JPN')).toEqual(['CAN', 'JPN']);
    expect(addSponsor(['CAN', 'JPN'], 'CAN')).toEqual(['CAN', 'JPN']);
    expect(removeSponsor(['CAN', 'JPN', 'MEX'], 'JPN')).toEqual(['CAN', 'MEX']);
  });

  it('filters delegations by code or name, exact code first, excluding picked ones', () => {
    const can = delegations.find((d) => d.code === 'CAN');
    expect(can).toBeDefined();
    expect(filterDelegations('can')[0]?.code).toBe('CAN');
    expect(filterDelegations('can', ['CAN']).some((d) => d.code === 'CAN')).toBe(false);
    expect(filterDelegations('can', [can!.name]).some((d) => d.code === 'CAN')).toBe(false);
    for (const d of filterDelegations('land')) expect(`${d.code} ${d.name}`.toLowerCase()).toContain('land');
    expect(filterDelegations('', [], 5)).toHaveLength(5);
  });
});
