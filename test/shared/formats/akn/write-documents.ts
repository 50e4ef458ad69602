import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { templates } from '../../../../seeds/index.js';
import { buildDocument, buildParagraph } from '../../../../shared/document/build.js';
import { importText } from '../../../../shared/import/index.js';
import { setParagraphStatus } from '../../../../shared/negotiation/paragraph-ops.js';
import { negotiationBaseOf, withNegotiationBase } from '../../../../shared/negotiation/negotiation-base.js';
import { posOf, stateOf } from '../../negotiation/helpers.js';

const fixtures = join(import.meta.dirname, '../../../fixtures');

/** A named document the AKN tests export. */
export type Sample = { name: string; doc: Node };

/** Every template of seeds/templates as a document. */
export function templateSamples(): Sample[] {
  return templates.map((t) => ({ name: `template ${t.id}`, doc: Node.fromJSON(resolutionSchema, t.doc) }));
}

/** The documents the plain-text importer reads from a fixture file of test/fixtures. */
export function fixtureSamples(relative: string): Sample[] {
  const result = importText(readFileSync(join(fixtures, relative), 'utf8'));
  return result.documents.map((doc, i) => ({ name: `${relative} #${i + 1}`, doc }));
}

/**
 * The Third Committee compilation text (brackets, alternatives, deletion and paragraph
 * alternatives) put in negotiation on its own text as base, then OP 1 agreed ad ref with a
 * history, PP 2 under a reservation of EU and CAN, OP 3 deleted, and a paragraph inserted
 * after OP 1 since the base ("1 bis").
 */
export function negotiatedSample(): Sample {
  const [imported] = fixtureSamples('negotiation/ga-third-committee-rev1.txt');
  if (!imported) throw new Error('fixture without document');
  let doc = withNegotiationBase(imported.doc, negotiationBaseOf('rev-1', 'Rev.1', imported.doc));
  const ops: [string, number, Parameters<typeof setParagraphStatus>[2]][] = [
    ['operative_paragraph', 0, { state: 'under_discussion', by: 'facilitator', at: '2026-10-14T09:00:00.000Z', delegations: [], linked: [], reason: '' }],
    ['operative_paragraph', 0, { state: 'agreed_ad_ref', by: 'facilitator', at: '2026-10-14T10:00:00.000Z', delegations: [], linked: [], reason: '' }],
    ['preambular_paragraph', 1, { state: 'reservation', by: 'facilitator', at: '2026-10-14T11:00:00.000Z', delegations: ['EU', 'CAN'], linked: [], reason: '' }],
    ['operative_paragraph', 2, { state: 'deleted', by: 'facilitator', at: '2026-10-14T12:00:00.000Z', delegations: [], linked: [], reason: '' }],
  ];
  for (const [type, index, change] of ops) {
    const pos = nthPos(doc, type, index);
    const tr = setParagraphStatus(stateOf(doc), pos, change);
    if (!tr) throw new Error(`status not set on ${type} ${index}`);
    doc = tr.doc;
  }
  const first = nthPos(doc, 'operative_paragraph', 0);
  const inserted = buildParagraph('operative_paragraph', { text: 'Also welcomes the work of the Special Rapporteur;', opener: 'Also welcomes' });
  doc = stateOf(doc).tr.insert(first + (doc.nodeAt(first)?.nodeSize ?? 0), inserted).doc;
  return { name: 'negotiated Third Committee text', doc };
}

function nthPos(doc: Node, type: string, index: number): number {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === type) found.push(pos);
    return true;
  });
  return found[index] ?? posOf(doc, type);
}

/**
 * A French draft resolution (L-document, sponsors, date) with footnotes in PP and OP, a
 * cross-reference, emphasis, (a)/(i) subparagraphs under a PP and an OP, a numbered list with
 * lettered items, and two annexes (one with a list).
 */
export function richSample(): Sample {
  const doc = buildDocument({
    header: {
      symbol: 'E/CN.15/2023/L.6',
      date: '19 mai 2023',
      language: 'fr',
      session: 'Trente-deuxième session',
      agendaItem: '5',
      sponsors: ['Canada', 'Japon', 'Union européenne'],
      heading: '',
    },
    title: 'Accès à la justice pour tous',
    body: 'La Commission pour la prévention du crime et la justice pénale,',
    preamble: [
      { text: 'Rappelant sa résolution 31/1,', opener: 'Rappelant', footnotes: [{ at: 28, text: 'E/2022/30, chap. I.' }] },
      { text: 'Consciente des défis suivants :', opener: 'Consciente', subparagraphs: [{ text: 'la pauvreté ;', subparagraphs: ['urbaine ;', 'rurale ;'] }, 'la discrimination,'] },
    ],
    operative: [
      { text: 'Prie le Secrétariat de faire rapport ;', opener: 'Prie', id: 'op-one' },
      {
        text: 'Décide que l’ordre du jour comprendra :',
        opener: 'Décide',
        children: [{ list: [{ text: 'Élection du Bureau.', subparagraphs: ['Président ;', 'Vice-Présidents.'] }, 'Questions diverses.'] }],
      },
      {
        text: [{ text: 'Invite', opener: true }, ' les États à appliquer la ', { text: 'Convention', emphasis: true }, { footnote: 'Nations Unies, Recueil des Traités.' }, ' visée au paragraphe ', { crossReference: 'op-one' }, '.'],
      },
    ],
    annexes: [
      { title: 'Ordre du jour provisoire', content: ['Le Secrétariat propose :', { list: ['Ouverture.', 'Clôture.'] }] },
      { title: 'Liste des participants', content: ['Voir le document E/CN.15/2023/INF/1.'] },
    ],
  });
  return { name: 'French draft with annexes', doc };
}

/** Text no XML may hold raw: markup characters, a CDATA end, control characters, a lone surrogate. */
export function hostileSample(): Sample {
  const doc = buildDocument({
    header: { symbol: 'A/RES/74/50', date: '2019-12-12', sponsors: ['Côte d’Ivoire & "Others" <x>'] },
    title: 'Tags <b>bold</b> & ]]> "quotes"',
    body: 'The General Assembly,',
    operative: [{ text: 'Requests\u0001 a < b && c > d ]]> \uD800 \t tab;', opener: 'Requests' }, 'Decides.'],
  });
  return { name: 'hostile text', doc };
}
