import { describe, expect, it } from 'vitest';
import { readAkn } from '../../../../shared/formats/akn/read.js';
import { letterICases } from '../../import/letter-i-cases.js';
import { subShape, textOfSub } from '../../import/sub-shape.js';

// The held-out texts of issue 16 (test/fixtures/import/issue16, README there: A/RES/74/126
// with "h)" ending with a colon before the letters "i)" to "k)", or without one holding a
// roman list before the letter "i)") written as the DGACM's Akoma Ntoso files print a
// resolution: flat <paragraph> elements whose labels are typed in the text, "\th)\t...".
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function asDgacmAkn(text: string, body: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const from = lines.indexOf(body);
  const firstOp = lines.findIndex((l) => /^1\. /.test(l));
  const pps = lines.slice(from + 1, firstOp).filter((l) => l !== '');
  const paras = lines.slice(firstOp).filter((l) => l !== '');
  const preamble = pps.map((p, i) => `<container name="pp" eId="container_${i + 2}"><p>${escape(p)}</p></container>`).join('');
  const main = paras
    .map((p, i) => {
      const number = /^(\d+)\. (.*)$/.exec(p);
      const inside = number ? `<num>\t${number[1]}.</num><content><p>${escape(number[2] ?? '')}</p></content>` : `<content><p>\t${escape(p).replace(/^(\S+\)) /, '$1\t')}</p></content>`;
      return `<paragraph eId="para_${i + 1}" class="SingleTxt">${inside}</paragraph>`;
    })
    .join('');
  return `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><preface><p><docTitle>A/RES/74/126</docTitle></p></preface><preamble><formula name="enactingFormula" eId="formula_1"><p>${escape(body)}</p></formula>${preamble}</preamble><mainBody>${main}</mainBody></statement></akomaNtoso>`;
}

const bodies: Record<string, string> = { fr: 'L’Assemblée générale,', es: 'La Asamblea General,', ru: 'Генеральная Ассамблея,' };

describe('AKN reader: "i)" after "h)" read as the label after it says', () => {
  letterICases((text, language) => readAkn(asDgacmAkn(text, bodies[language]!), `${language}.xml`));

  it('reads a lone "(i)" ... "(v)" list after "(h)" in the English style, and "(v)" by the sequence when the next label says nothing', () => {
    const labels = ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(ii)', '(iii)', '(iv)', '(v)', '(i)'];
    const paras = labels.map((l, i) => `<paragraph eId="p${i}"><content><p>${l}\tItem ${i + 1};</p></content></paragraph>`).join('');
    const xml = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><preface><p><docTitle>T</docTitle></p></preface><preamble><formula><p>The General Assembly,</p></formula></preamble><mainBody><paragraph eId="op1"><num>1.</num><content><p><i>Decides</i>:</p></content></paragraph>${paras}</mainBody></statement></akomaNtoso>`;
    const { documents, warnings } = readAkn(xml, 'en.xml');
    expect(subShape(documents[0]!, 0)).toEqual([0, 0, 0, 0, 0, 0, 0, 5, 0]);
    expect(textOfSub(documents[0]!, 8)).toBe('Item 14;');
    expect(warnings).toEqual([]);
  });
});
