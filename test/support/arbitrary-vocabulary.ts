import type { Language } from '../../shared/document/labels.js';

/**
 * Word lists for generated documents, per language. Every entry is plain text that survives
 * the UN text layout: no `*`, `_`, newline or superscript digit, no leading structural
 * marker ("1. ", "(a) "), no leading "The"/"Le"/"La"/"El" outside body lines (so no
 * paragraph looks like an authoring body line), and nothing that ends a paragraph early.
 */
export type Vocabulary = {
  bodies: { resolution: string[]; decision: string[] };
  titles: string[];
  decisionTitles: string[];
  annexTitles: string[];
  ppOpeners: string[];
  opOpeners: string[];
  decisionOpeners: string[];
  phrases: string[];
  lowerLeads: string[];
  itemLeads: string[];
  annexLeads: string[];
};

/** Vocabularies for English, French and Spanish documents. */
export const vocabularies: Readonly<Partial<Record<Language, Vocabulary>>> = {
  en: {
    bodies: {
      resolution: ['The General Assembly,', 'The Economic and Social Council,', 'The Commission on Crime Prevention and Criminal Justice,'],
      decision: ['The Economic and Social Council:', 'The Commission on Narcotic Drugs:'],
    },
    titles: [
      'Strengthening international cooperation in criminal justice',
      'Promoting access to legal aid for all',
      'Preventing crime in fast-growing cities',
      'Improving the collection of crime statistics',
      'Fostering the rule of law at the national level',
    ],
    decisionTitles: ['Report of the Commission on its thirty-second session', 'Dates of the next session of the Commission'],
    annexTitles: ['Provisional agenda for the next session', 'Terms of reference of the expert group', 'List of participating institutions'],
    ppOpeners: ['Recalling', 'Recalling also', 'Noting with concern', 'Bearing in mind', 'Having considered', 'Mindful of', 'Reaffirming', 'Welcoming'],
    opOpeners: ['Requests', 'Also requests', 'Encourages', 'Decides', 'Calls upon', 'Takes note of', 'Invites', 'Urges'],
    decisionOpeners: ['Takes note of', 'Reaffirms', 'Approves', 'Decides'],
    phrases: [
      'the Secretary-General',
      'Member States',
      'its resolution 70/1 of 25 September 2015',
      'relevant stakeholders',
      'technical assistance',
      'the report of the Commission',
      'international cooperation',
      'criminal justice systems',
      'in accordance with national legislation',
      'within existing resources',
      'to continue, upon request, to assist States',
      'the United Nations Office on Drugs and Crime',
    ],
    lowerLeads: ['to strengthen', 'the exchange of good practices among', 'to promote', 'measures to improve', 'the collection of data on'],
    itemLeads: ['Election of officers for', 'Adoption of the agenda for', 'General debate on', 'Thematic discussion on', 'Strategic management questions for'],
    annexLeads: ['Participating institutions report on', 'Meetings are held with', 'Each expert serves', 'Working papers address'],
  },
  fr: {
    bodies: {
      resolution: ["L'Assemblée générale,", 'Le Conseil économique et social,'],
      decision: ['Le Conseil économique et social :'],
    },
    titles: ['Renforcement de la coopération internationale en matière pénale', "Promotion de l'accès à l'assistance juridique"],
    decisionTitles: ['Rapport de la Commission sur les travaux de sa trente-deuxième session'],
    annexTitles: ['Ordre du jour provisoire de la prochaine session', "Mandat du groupe d'experts"],
    ppOpeners: ['Rappelant', 'Rappelant également', 'Notant avec préoccupation', "Ayant à l'esprit", 'Réaffirmant'],
    opOpeners: ['Prie', 'Prie également', 'Encourage', 'Décide', 'Invite', 'Prend note'],
    decisionOpeners: ['Prend note', 'Réaffirme', 'Approuve', 'Décide'],
    phrases: [
      'le Secrétaire général',
      'les États Membres',
      'sa résolution 70/1 du 25 septembre 2015',
      "l'assistance technique",
      'la coopération internationale',
      'dans la limite des ressources existantes',
      "l'Office des Nations Unies contre la drogue et le crime",
    ],
    lowerLeads: ['de renforcer', "l'échange de bonnes pratiques entre", 'de promouvoir', 'des mesures visant à améliorer'],
    itemLeads: ['Élection du Bureau pour', "Adoption de l'ordre du jour pour", 'Débat général sur', 'Débat thématique sur'],
    annexLeads: ['Chaque expert siège avec', 'Les documents de travail portent sur', 'Chaque réunion examine'],
  },
  es: {
    bodies: {
      resolution: ['La Asamblea General,', 'El Consejo Económico y Social,'],
      decision: ['El Consejo Económico y Social:'],
    },
    titles: ['Fortalecimiento de la cooperación internacional en materia penal', 'Promoción del acceso a la asistencia jurídica'],
    decisionTitles: ['Informe de la Comisión sobre su 32º período de sesiones'],
    annexTitles: ['Programa provisional del próximo período de sesiones', 'Mandato del grupo de expertos'],
    ppOpeners: ['Recordando', 'Recordando también', 'Observando con preocupación', 'Teniendo presente', 'Reafirmando'],
    opOpeners: ['Solicita', 'Solicita también', 'Alienta', 'Decide', 'Invita', 'Toma nota'],
    decisionOpeners: ['Toma nota', 'Reafirma', 'Aprueba', 'Decide'],
    phrases: [
      'el Secretario General',
      'los Estados Miembros',
      'su resolución 70/1, de 25 de septiembre de 2015',
      'la asistencia técnica',
      'la cooperación internacional',
      'con los recursos existentes',
      'la Oficina de las Naciones Unidas contra la Droga y el Delito',
    ],
    lowerLeads: ['fortalecer', 'el intercambio de buenas prácticas entre', 'promover', 'medidas para mejorar'],
    itemLeads: ['Elección de la Mesa para', 'Aprobación del programa para', 'Debate general sobre', 'Debate temático sobre'],
    annexLeads: ['Cada experto trabaja con', 'Los documentos de trabajo tratan de', 'Cada reunión examina'],
  },
};

/** Footnote texts: document symbols and resolution citations, each ending with a full stop. */
export const footnoteTexts = [
  'Resolution 70/1.',
  'A/78/1.',
  'E/CN.15/2023/11.',
  'See General Assembly resolution 77/231, annex.',
  'Official Records of the Economic and Social Council, 2023, Supplement No. 10 (E/2023/30).',
  'United Nations, Treaty Series, vol. 2225, No. 39574.',
];

/** Sponsor display names: none contains " and " or a comma, so a joined sponsor line splits back. */
export const sponsorNames = ['Canada', 'Japan', 'Mexico', 'Brazil', 'France', 'Kenya', 'Norway', 'Philippines', 'South Africa', 'Thailand', 'Colombia', 'Italy'];

/** Header symbols of L-documents and their revisions. */
export const symbols = ['E/CN.15/2023/L.6', 'E/CN.15/2023/L.4/Rev.1', 'A/C.3/78/L.12', 'E/2023/L.9', 'E/CN.7/2024/L.2'];

/** Header session lines. */
export const sessions = ['Thirty-second session', 'Seventy-eighth session', 'Sixty-seventh session'];

/** English month names for header dates ("12 May 2023"). */
export const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
