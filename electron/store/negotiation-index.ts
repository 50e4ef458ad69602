import type Database from 'better-sqlite3';
import type { Node } from 'prosemirror-model';
import { negotiationIndexFormat } from '../../schemas/migrations.js';
import { computeNumbering } from '../../shared/document/numbering.js';
import { collectBrackets, paragraphStatus, readableText, topParagraphs } from '../../shared/negotiation/model.js';
import { msg } from '../../shared/i18n/message.js';
import { StoreError } from './open-database.js';

/**
 * The negotiation index: every bracket, alternative group and paragraph status of each
 * revision (autosave points included), as rows, so "open brackets per delegation" or "the
 * life of one bracket" are SQL over revisions and need no Y.Doc. The rows are derived from
 * the revision's content; indexing a revision again replaces its rows (idempotent), and
 * `negotiation_indexed` tells an indexed revision without brackets from one never indexed,
 * and which `negotiationIndexFormat` wrote its rows: a revision indexed in another format is
 * listed with the unindexed ones, so the next query rebuilds it from its content.
 */

/** One bracket as indexed at a revision. */
export type IndexedBracket = {
  revisionId: string;
  bracketId: string;
  kind: string;
  paragraphId: string;
  paragraphLabel: string;
  text: string;
  proposedBy: string[];
  supportedBy: string[];
  opposedBy: string[];
  deletion: boolean;
  depth: number;
  groupId: string;
};

/** One paragraph status as indexed at a revision. */
export type IndexedStatus = {
  revisionId: string;
  paragraphId: string;
  paragraphLabel: string;
  text: string;
  state: string;
  by: string;
  at: string;
  reservations: string[];
  linked: string[];
};

type BracketRow = {
  revision_id: string;
  bracket_id: string;
  kind: string;
  paragraph_id: string;
  paragraph_label: string;
  text: string;
  proposed_by: string;
  supported_by: string;
  opposed_by: string;
  deletion: number;
  depth: number;
  group_id: string;
};

type StatusRow = {
  revision_id: string;
  paragraph_id: string;
  paragraph_label: string;
  text: string;
  state: string;
  by: string;
  at: string;
  reservations: string;
  linked: string;
};

const list = (json: string): string[] => JSON.parse(json) as string[];

/** Reads a bracket row. */
export function toBracket(r: BracketRow): IndexedBracket {
  return {
    revisionId: r.revision_id,
    bracketId: r.bracket_id,
    kind: r.kind,
    paragraphId: r.paragraph_id,
    paragraphLabel: r.paragraph_label,
    text: r.text,
    proposedBy: list(r.proposed_by),
    supportedBy: list(r.supported_by),
    opposedBy: list(r.opposed_by),
    deletion: r.deletion === 1,
    depth: r.depth,
    groupId: r.group_id,
  };
}

/** Reads a status row. */
export function toStatus(r: StatusRow): IndexedStatus {
  return {
    revisionId: r.revision_id,
    paragraphId: r.paragraph_id,
    paragraphLabel: r.paragraph_label,
    text: r.text,
    state: r.state,
    by: r.by,
    at: r.at,
    reservations: list(r.reservations),
    linked: list(r.linked),
  };
}

/** The index's write and read operations over an open, migrated database. */
export function negotiationIndexOf(db: Database.Database) {
  const q = {
    revision: db.prepare('SELECT doc_id FROM revisions WHERE id = ?').pluck(),
    clear: ['negotiation_brackets', 'negotiation_groups', 'negotiation_status', 'negotiation_indexed'].map((t) =>
      db.prepare(`DELETE FROM ${t} WHERE revision_id = ?`),
    ),
    mark: db.prepare('INSERT INTO negotiation_indexed (revision_id, doc_id, format) VALUES (?, ?, ?)'),
    bracket: db.prepare(
      'INSERT INTO negotiation_brackets (revision_id, bracket_id, ord, kind, paragraph_id, paragraph_label, text, proposed_by, supported_by, opposed_by, deletion, depth, group_id) ' +
        'VALUES (@revision_id, @bracket_id, @ord, @kind, @paragraph_id, @paragraph_label, @text, @proposed_by, @supported_by, @opposed_by, @deletion, @depth, @group_id)',
    ),
    group: db.prepare('INSERT OR REPLACE INTO negotiation_groups (revision_id, group_id, paragraph_id, members) VALUES (?, ?, ?, ?)'),
    status: db.prepare(
      'INSERT OR REPLACE INTO negotiation_status (revision_id, paragraph_id, paragraph_label, text, state, by, at, reservations, linked) ' +
        'VALUES (@revision_id, @paragraph_id, @paragraph_label, @text, @state, @by, @at, @reservations, @linked)',
    ),
    // Another format (older, or a newer build's) counts as not indexed: its rows are rebuilt.
    unindexed: db.prepare(
      'SELECT r.id FROM revisions r LEFT JOIN negotiation_indexed i ON i.revision_id = r.id WHERE r.doc_id = ? AND (i.revision_id IS NULL OR i.format <> ?) ORDER BY r.n',
    ).pluck(),
    brackets: db.prepare('SELECT * FROM negotiation_brackets WHERE revision_id = ? ORDER BY ord'),
    statuses: db.prepare('SELECT * FROM negotiation_status WHERE revision_id = ? ORDER BY rowid'),
    life: db.prepare(
      'SELECT b.* FROM negotiation_brackets b JOIN revisions r ON r.id = b.revision_id WHERE r.doc_id = ? AND b.bracket_id = ? ORDER BY r.n',
    ),
    indexedRevisions: db.prepare('SELECT r.id FROM revisions r JOIN negotiation_indexed i ON i.revision_id = r.id WHERE r.doc_id = ? ORDER BY r.n').pluck(),
    series: db.prepare(
      'SELECT r.id AS revision_id, ' +
        '(SELECT count(*) FROM negotiation_brackets b WHERE b.revision_id = r.id) AS open_brackets, ' +
        "(SELECT count(*) FROM negotiation_status s WHERE s.revision_id = r.id AND s.state IN ('agreed', 'agreed_ad_ref')) AS agreed, " +
        '(SELECT count(*) FROM negotiation_status s WHERE s.revision_id = r.id) AS paragraphs ' +
        'FROM revisions r JOIN negotiation_indexed i ON i.revision_id = r.id WHERE r.doc_id = ? ORDER BY r.n',
    ),
  };

  const index = db.transaction((revisionId: string, doc: Node): number => {
    const docId = q.revision.get(revisionId) as string | undefined;
    if (docId === undefined) throw new StoreError('missing', msg('backend:store.noRevisionToIndex', { revision: revisionId }));
    for (const c of q.clear) c.run(revisionId);
    q.mark.run(revisionId, docId, negotiationIndexFormat);
    const labels = new Map(computeNumbering(doc).entries.map((e) => [e.id, e.path]));
    const brackets = collectBrackets(doc);
    brackets.forEach((b, ord) => {
      q.bracket.run({
        revision_id: revisionId,
        bracket_id: b.id,
        ord,
        kind: b.kind,
        paragraph_id: b.paragraphId,
        paragraph_label: labels.get(b.paragraphId) ?? '',
        text: b.text,
        proposed_by: JSON.stringify(b.proposedBy),
        supported_by: JSON.stringify(b.supportedBy),
        opposed_by: JSON.stringify(b.opposedBy),
        deletion: b.deletion ? 1 : 0,
        depth: b.depth,
        group_id: b.group,
      });
    });
    const groups = new Map<string, { paragraphId: string; members: number }>();
    for (const b of brackets) {
      if (!b.group) continue;
      const g = groups.get(b.group) ?? { paragraphId: b.paragraphId, members: 0 };
      g.members++;
      groups.set(b.group, g);
    }
    for (const [id, g] of groups) q.group.run(revisionId, id, g.paragraphId, g.members);
    doc.descendants((node) => {
      if (!topParagraphs.has(node.type.name)) return true;
      const id = String(node.attrs.id ?? '');
      const s = paragraphStatus(node);
      q.status.run({
        revision_id: revisionId,
        paragraph_id: id,
        paragraph_label: labels.get(id) ?? '',
        // Written as the brackets' texts are, so a bracket's text is found in it once agreed (bracketLife).
        text: readableText(node),
        state: s.state,
        by: s.by,
        at: s.at,
        reservations: JSON.stringify(s.delegations),
        linked: JSON.stringify(s.linked),
      });
      return false;
    });
    return brackets.length;
  });

  return {
    /** Indexes (or re-indexes) one revision from its content, in one transaction; returns its bracket count. */
    indexRevision: (revisionId: string, doc: Node): number => index.immediate(revisionId, doc),
    /**
     * The document's revisions not yet indexed in the current format, oldest first: made
     * before the index existed, whose indexing failed, or indexed by another build's format.
     */
    unindexedRevisions: (docId: string): string[] => q.unindexed.all(docId, negotiationIndexFormat) as string[],
    /** The document's indexed revisions, oldest first. */
    indexedRevisions: (docId: string): string[] => q.indexedRevisions.all(docId) as string[],
    /** Every bracket open at a revision, in document order. */
    bracketsAt: (revisionId: string): IndexedBracket[] => (q.brackets.all(revisionId) as BracketRow[]).map(toBracket),
    /** Every top-level paragraph's status at a revision, in document order. */
    statusesAt: (revisionId: string): IndexedStatus[] => (q.statuses.all(revisionId) as StatusRow[]).map(toStatus),
    /** One bracket at every indexed revision of the document where it appears, oldest first. */
    bracketAppearances: (docId: string, bracketId: string): IndexedBracket[] => (q.life.all(docId, bracketId) as BracketRow[]).map(toBracket),
    /** Per indexed revision, oldest first: open brackets, agreed paragraphs (agreed or ad ref) and paragraphs. */
    negotiationSeries: (docId: string): { revisionId: string; openBrackets: number; agreedParagraphs: number; paragraphs: number }[] =>
      (q.series.all(docId) as { revision_id: string; open_brackets: number; agreed: number; paragraphs: number }[]).map((r) => ({
        revisionId: r.revision_id,
        openBrackets: r.open_brackets,
        agreedParagraphs: r.agreed,
        paragraphs: r.paragraphs,
      })),
  };
}
