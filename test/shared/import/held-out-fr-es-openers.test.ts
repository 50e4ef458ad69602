import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../shared/import/index.js';
import { opensPreamblePhrase } from '../../../shared/import/paragraph-start.js';

// French and Spanish PPs without their final comma and without italics, opened by words
// the seed phrase lists lack ("Jugeant", "Endeuillée", "Confirmando", "Conocedora"), in
// official texts and in texts edited with openers no 74th-session PP uses (README in
// test/fixtures/import/issue17). Every case but the page-break guards fails on the importer
// before issue 17's fix: the PP merged into the one before it.
const dir = join(__dirname, '..', '..', 'fixtures', 'import', 'issue17');
const fixture = (name: string): string => readFileSync(join(dir, name), 'utf8');

// A paragraph's own text: its text nodes outside footnotes (a footnote's text is its content).
function ownText(para: Node): string {
  let text = '';
  para.firstChild?.forEach((n) => {
    if (n.isText) text += n.text ?? '';
  });
  return text;
}

// The paragraphs of `kind` as imported, by their own text.
function paragraphs(doc: Node, kind: string): string[] {
  const got: string[] = [];
  doc.descendants((n) => {
    if (n.type.name === kind) got.push(ownText(n));
    return n.type.name !== kind;
  });
  return got;
}

// The PPs as printed: the blocks between the body line and OP 1, a block ending with a
// word that goes on (a page break cut there) joined to the next, footnote markers aside.
function printedPps(text: string, body: string): string[] {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim());
  const from = blocks.findIndex((b) => b.endsWith(body)) + 1;
  const to = blocks.findIndex((b) => /^1\. /.test(b));
  const out: string[] = [];
  let carry = '';
  for (const block of blocks.slice(from, to)) {
    if (/(?:«|titulada)$/.test(block)) carry = `${carry}${block} `;
    else {
      out.push(`${carry}${block}`.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, ''));
      carry = '';
    }
  }
  return out;
}

describe('French and Spanish PPs without their final comma and without italics', () => {
  const cases = [
    { file: 'fr-74-29-pp.txt', body: 'L’Assemblée générale,', pp: 12, op: 3 },
    { file: 'fr-74-8-pp.txt', body: 'L’Assemblée générale,', pp: 5, op: 6 },
    { file: 'fr-held-out-pp.txt', body: 'L’Assemblée générale,', pp: 13, op: 3 },
    { file: 'es-74-28-pp.txt', body: 'La Asamblea General,', pp: 15, op: 5 },
    { file: 'es-74-35-pp.txt', body: 'La Asamblea General,', pp: 12, op: 8 },
    { file: 'es-held-out-pp.txt', body: 'La Asamblea General,', pp: 12, op: 9 },
  ];
  for (const { file, body, pp, op } of cases) {
    it(`${file}: each of the ${pp} PPs is a paragraph of its own`, () => {
      const text = fixture(file);
      const printed = printedPps(text, body);
      const { documents } = importText(text);
      expect(documents).toHaveLength(1);
      expect(printed).toHaveLength(pp);
      expect(paragraphs(documents[0]!, 'preambular_paragraph')).toEqual(printed);
      expect(paragraphs(documents[0]!, 'operative_paragraph')).toHaveLength(op);
    });
  }

  it('keeps an operative paragraph cut by a page break after "titulada" whole', () => {
    const { documents } = importText(fixture('es-held-out-pp.txt'));
    const op8 = paragraphs(documents[0]!, 'operative_paragraph')[7] ?? '';
    expect(op8).toContain('la publicación titulada Garantizando el equilibrio en las políticas nacionales');
    expect(op8.endsWith('que lo soliciten;')).toBe(true);
  });

  it('opens a PP with a participle, a gerund, an adjective of the texts or an adverb before one', () => {
    for (const text of ['Regrettant que les mesures prises', 'S’engageant de nouveau à promouvoir', 'Déterminée à renforcer', 'Particulièrement préoccupée par', 'Approuvant les recommandations', 'Consternée par les attaques']) {
      expect(opensPreamblePhrase(text, 'fr', 'relative aux droits de l’homme')).toBe(true);
    }
    for (const text of ['Pidiendo que se respeten', 'Comprometiéndose nuevamente a', 'Guiándose por los principios', 'Conocedora de que', 'Sumamente preocupada por', 'Respaldando los esfuerzos', 'Conmocionada por los ataques']) {
      expect(opensPreamblePhrase(text, 'es', 'en materia de derechos humanos')).toBe(true);
    }
  });

  it('does not start a paragraph where a sentence goes on', () => {
    // Capitalised nouns and names shaped like participles, a page break inside a sentence.
    expect(opensPreamblePhrase('Représentant spécial du Secrétaire général', 'fr', 'le rapport du')).toBe(false);
    expect(opensPreamblePhrase('Représentant spécial du Secrétaire général', 'fr', 'Prenant note du rapport')).toBe(false);
    expect(opensPreamblePhrase('Montant global du budget', 'fr', 'XIX')).toBe(false);
    expect(opensPreamblePhrase('Comando Conjunto de las fuerzas', 'es', 'el apoyo prestado al')).toBe(false);
    expect(opensPreamblePhrase('Fernando Pessoa', 'es', 'las obras de')).toBe(false);
    // A piece ending with an article, a preposition, a conjunction or a title's announcement.
    expect(opensPreamblePhrase('Rappelant les engagements pris', 'fr', 'la campagne intitulée «')).toBe(false);
    expect(opensPreamblePhrase('Soulignant le rôle', 'fr', 'les efforts de la')).toBe(false);
    expect(opensPreamblePhrase('Recordando el pasado', 'es', 'la exposición titulada')).toBe(false);
    expect(opensPreamblePhrase('Reconociendo la labor', 'es', 'los esfuerzos de los Estados y')).toBe(false);
    // Lower case: a sentence going on ("… et | regrettant que").
    expect(opensPreamblePhrase('regrettant que les mesures', 'fr')).toBe(false);
    expect(opensPreamblePhrase('pidiendo que se respeten', 'es')).toBe(false);
    // "cada una" ends a PP: the next opener still starts one.
    expect(opensPreamblePhrase('Observando con preocupación', 'es', 'de no más de cinco días hábiles de duración cada una')).toBe(true);
  });
});

describe('Chinese PPs opened by "在这方面" ("in this regard")', () => {
  it('starts a PP at "在这方面" before a phrase of the list, not after a piece that goes on', () => {
    expect(opensPreamblePhrase('在这方面回顾其第73/224号决议', 'zh', '对其国民经济造成的影响')).toBe(true);
    expect(opensPreamblePhrase('在这方面，认识到最近为建立阿斯旺论坛所作努力', 'zh', '是实现社会融合的一个手段')).toBe(true);
    expect(opensPreamblePhrase('在这方面认识到境内流离失所问题监测中心的作用', 'zh', '促进实现持久解决，包括')).toBe(false);
    expect(opensPreamblePhrase('认识到数百万境内流离失所者的境况', 'zh', '提高国际社会的认识，此外')).toBe(false);
    expect(opensPreamblePhrase('在这方面继续努力', 'zh', '会员国')).toBe(false);
  });

  it('starts a PP after one that ends with a noun of the list (关切, 重视) or with 方面 as a noun', () => {
    expect(opensPreamblePhrase('回顾其第73/224号决议', 'zh', '对以色列摧毁黎巴嫩发电厂储油罐造成的环境影响表示严重关切')).toBe(true);
    expect(opensPreamblePhrase('认识到推动建立全面社会保护制度', 'zh', '在同等基础上给予同样的重视')).toBe(true);
    expect(opensPreamblePhrase('重申国际法的原则', 'zh', '包括在无障碍环境等各个方面')).toBe(true);
    expect(opensPreamblePhrase('回顾希布伦临时国际驻留人员任务的重要性', 'zh', '协助各方执行已达成的协议，在这一方面')).toBe(false);
    expect(opensPreamblePhrase('认识到秘书长的报告', 'zh', '大会重申')).toBe(false);
  });
});
