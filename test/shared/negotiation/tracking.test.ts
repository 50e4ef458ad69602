import { describe, expect, it } from 'vitest';
import { bracketLife, bracketsByDelegation, bracketsByParagraph, type TrackedBracket, type TrackedRevision } from '../../../shared/negotiation/tracking.js';

const bracket = (over: Partial<TrackedBracket>): TrackedBracket => ({
  bracketId: 'b1',
  paragraphId: 'p1',
  paragraphLabel: 'OP 1',
  text: 'shall',
  proposedBy: [],
  supportedBy: [],
  opposedBy: [],
  deletion: false,
  groupId: '',
  ...over,
});
const rev = (id: string, text: string, brackets: TrackedBracket[]): TrackedRevision => ({ id, label: id, createdAt: `2026-10-0${id.slice(-1)}T10:00:00.000Z`, text, brackets });

describe('negotiation tracking', () => {
  it('counts open brackets per paragraph (groups and deletions) and per delegation (each delegation once per bracket)', () => {
    const list = [
      bracket({ bracketId: 'a', groupId: 'g', proposedBy: ['EU', 'EU'], opposedBy: ['RUS'] }),
      bracket({ bracketId: 'b', groupId: 'g', proposedBy: ['USA'] }),
      bracket({ bracketId: 'c', paragraphId: 'p2', paragraphLabel: 'OP 2', deletion: true, proposedBy: ['RUS'], supportedBy: ['EU'] }),
    ];
    expect(bracketsByParagraph(list)).toEqual([
      { paragraphId: 'p1', paragraphLabel: 'OP 1', open: 2, deletions: 0, groups: 1 },
      { paragraphId: 'p2', paragraphLabel: 'OP 2', open: 1, deletions: 1, groups: 0 },
    ]);
    expect(bracketsByDelegation(list)).toEqual([
      { delegation: 'EU', proposed: 1, supported: 1, opposed: 0 },
      { delegation: 'RUS', proposed: 1, supported: 0, opposed: 1 },
      { delegation: 'USA', proposed: 1, supported: 0, opposed: 0 },
    ]);
  });

  it('follows a bracket through text and attribution changes to its resolution', () => {
    const revisions = [
      rev('r1', 'States shall act', [bracket({ proposedBy: ['EU'] })]),
      rev('r2', 'States shall act', [bracket({ proposedBy: ['EU'], supportedBy: ['CAN'] })]),
      rev('r3', 'States must act', [bracket({ text: 'must', proposedBy: ['EU'], supportedBy: ['CAN'] })]),
      rev('r4', 'States must act', []),
    ];
    expect(bracketLife('b1', revisions)).toEqual({
      bracketId: 'b1',
      open: false,
      events: [
        { kind: 'proposed', revisionId: 'r1', at: '2026-10-01T10:00:00.000Z', by: ['EU'], text: 'shall' },
        { kind: 'attribution-changed', revisionId: 'r2', at: '2026-10-02T10:00:00.000Z', proposedBy: ['EU'], supportedBy: ['CAN'], opposedBy: [] },
        { kind: 'text-changed', revisionId: 'r3', at: '2026-10-03T10:00:00.000Z', from: 'shall', to: 'must' },
        { kind: 'agreed', revisionId: 'r4', at: '2026-10-04T10:00:00.000Z', text: 'must' },
      ],
    });
    expect(bracketLife('b1', revisions.slice(0, 3)).open).toBe(true);
    expect(bracketLife('b1', [revisions[0]!, rev('r2', 'States act', [])]).events.at(-1)?.kind).toBe('dropped');
    expect(bracketLife('zz', revisions)).toEqual({ bracketId: 'zz', open: false, events: [] });
  });
});
