import { describe, expect, it } from 'vitest';
import { idNodeNames, resolutionSchema } from '../../schemas/resolution-schema.js';
import { withFreshIds } from '../../shared/ids.js';
import { phraseLists, templates } from '../../seeds/index.js';
import type { PhraseList, SeedNode, Template } from '../../seeds/index.js';

const idNodes = new Set<string>(idNodeNames);
const openerParts: Record<string, 'preambular' | 'operative'> = {
  preambular_paragraph: 'preambular',
  operative_paragraph: 'operative',
  decision_paragraph: 'operative',
};

function walk(node: SeedNode, visit: (n: SeedNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

function all(node: SeedNode, type: string): SeedNode[] {
  const out: SeedNode[] = [];
  walk(node, (n) => {
    if (n.type === type) out.push(n);
  });
  return out;
}

/** The visible running text of a paragraph-level node's own paragraph_text, footnotes left out. */
function ownText(node: SeedNode): string {
  const first = node.content?.[0];
  return (first?.content ?? []).map((n) => (n.type === 'text' ? (n.text ?? '') : '')).join('');
}

/** The opener with "also"/"further" taken out, as the phrase lists store it (English). */
function baseOpener(opener: string, list: PhraseList): string {
  const { also, further } = list.adverbs;
  const lead = new RegExp(`^(?:${also}|${further}) `, 'i');
  if (lead.test(opener)) {
    const rest = opener.replace(lead, '');
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return opener.replace(new RegExp(` (?:${also}|${further})\\b`), '');
}

const drafted = templates.filter((t) => t.id !== 'blank-resolution');

describe.each(templates.map((t) => [t.id, t] as const))('template %s', (_id, template: Template) => {
  it('is a valid document of the resolution schema', () => {
    expect(() => resolutionSchema.nodeFromJSON(template.doc).check()).not.toThrow();
  });

  it('gives every paragraph-level node a unique non-empty id, and cross-references resolve', () => {
    const ids: string[] = [];
    const targets: string[] = [];
    walk(template.doc, (n) => {
      if (idNodes.has(n.type)) ids.push(String(n.attrs?.id ?? ''));
      if (n.type === 'cross_reference') targets.push(String(n.attrs?.target ?? ''));
    });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('tpl-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const target of targets) expect(ids).toContain(target);
  });

  it('stays valid with fresh, unique ids after withFreshIds', () => {
    const fresh = withFreshIds(template.doc);
    expect(() => resolutionSchema.nodeFromJSON(fresh).check()).not.toThrow();
    const ids: string[] = [];
    walk(fresh, (n) => {
      if (idNodes.has(n.type)) ids.push(String(n.attrs?.id));
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.startsWith('tpl-'))).toBe(false);
  });

  it('matches its metadata: body line, kind, English header', () => {
    const [header, , bodyLine] = template.doc.content ?? [];
    expect(header?.attrs?.language).toBe('en');
    expect(bodyLine && ownTextOf(bodyLine)).toBe(template.body);
    const hasDecisionBody = all(template.doc, 'decision_body').length === 1;
    expect(hasDecisionBody).toBe(template.kind === 'decision');
    expect(template.body.endsWith(template.kind === 'decision' ? ':' : ',')).toBe(true);
  });

  it('opens every paragraph that has text with a listed opener in an opener mark', () => {
    const list = phraseLists.en;
    for (const [type, part] of Object.entries(openerParts)) {
      for (const para of all(template.doc, type)) {
        const first = para.content?.[0]?.content?.[0];
        if (!first) continue;
        expect(first.marks?.map((m) => m.type)).toEqual(['opener']);
        expect(list[part]).toContain(baseOpener(first.text ?? '', list));
        expect(ownText(para).startsWith(`${first.text} `)).toBe(true);
      }
    }
  });
});

function ownTextOf(node: SeedNode): string {
  return (node.content ?? []).map((n) => n.text ?? '').join('');
}

describe.each(drafted.map((t) => [t.id, t] as const))('drafted template %s', (_id, template: Template) => {
  const paragraphs = template.kind === 'decision'
    ? all(template.doc, 'decision_paragraph')
    : all(template.doc, 'operative_paragraph');

  it('is a short skeleton: 2-4 PPs (resolutions) and 3-5 operative or lettered paragraphs', () => {
    const pps = all(template.doc, 'preambular_paragraph').length;
    if (template.kind === 'resolution') expect(pps).toBeGreaterThanOrEqual(2);
    expect(pps).toBeLessThanOrEqual(4);
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(paragraphs.length).toBeLessThanOrEqual(5);
  });

  it('has a placeholder title, at least one subparagraph list and one footnote', () => {
    const title = all(template.doc, 'title')[0];
    expect(title && ownTextOf(title)).toMatch(/^Title of the draft (resolution|decision)$/);
    const subs = all(template.doc, 'subparagraph').length + all(template.doc, 'sub_subparagraph').length;
    expect(subs).toBeGreaterThanOrEqual(2);
    expect(all(template.doc, 'footnote').length).toBeGreaterThanOrEqual(1);
  });

  it('punctuates in UN style: PP ",", OP ";", last paragraph ".", a text before a list ":"', () => {
    for (const pp of all(template.doc, 'preambular_paragraph')) expect(ownText(pp)).toMatch(/,$/);
    paragraphs.forEach((p, i) => {
      const last = i === paragraphs.length - 1;
      const children = (p.content ?? []).slice(1);
      if (children.length > 0) {
        expect(ownText(p)).toMatch(/:$/);
        children.forEach((c, j) => {
          const end = last && j === children.length - 1 ? /\.$/ : /;$/;
          expect(ownText(c)).toMatch(end);
        });
      } else {
        expect(ownText(p)).toMatch(last ? /\.$/ : /;$/);
      }
    });
  });

  it('ends with a reporting request or a follow-up decision, never Security Council wording', () => {
    const text = paragraphs.map(ownText).join(' ');
    expect(text).not.toMatch(/remain seized/i);
    expect(text).toMatch(/Requests the (Secretary-General|President)/);
    expect(ownText(paragraphs.at(-1) as SeedNode)).toMatch(/^(Decides|Takes note)/);
  });
});

describe('the template set', () => {
  it('has the seven templates with unique ids, two of them for the General Assembly body', () => {
    expect(templates.map((t) => t.id).sort()).toEqual([
      'blank-resolution',
      'ccpcj-resolution',
      'cnd-resolution',
      'decision',
      'ecosoc-resolution',
      'functional-commission-resolution',
      'general-assembly-resolution',
    ]);
    expect(templates.filter((t) => t.body === 'The General Assembly,').length).toBe(2);
  });

  it('names the functional commission it uses', () => {
    const t = templates.find((x) => x.id === 'functional-commission-resolution');
    expect(t?.name).toContain('Commission on the Status of Women');
    expect(t?.body).toBe('The Commission on the Status of Women,');
  });

  it('gives the blank template an empty title, one empty PP and one empty OP', () => {
    const blank = templates.find((t) => t.id === 'blank-resolution') as Template;
    const node = resolutionSchema.nodeFromJSON(blank.doc);
    expect(node.child(1).textContent).toBe('');
    expect(node.child(2).textContent).toBe('The General Assembly,');
    expect(node.child(3).childCount).toBe(1);
    expect(node.child(3).textContent).toBe('');
    expect(node.child(4).childCount).toBe(1);
    expect(node.child(4).textContent).toBe('');
  });
});

describe('functional commission templates', () => {
  const byId = new Map(templates.map((t) => [t.id, t]));

  it('include the Commission on Crime Prevention and Criminal Justice and the Commission on Narcotic Drugs beside the Status of Women', () => {
    expect(byId.get('functional-commission-resolution')?.body).toBe('The Commission on the Status of Women,');
    expect(byId.get('ccpcj-resolution')?.body).toBe('The Commission on Crime Prevention and Criminal Justice,');
    expect(byId.get('cnd-resolution')?.body).toBe('The Commission on Narcotic Drugs,');
    for (const id of ['ccpcj-resolution', 'cnd-resolution']) {
      const body = all(byId.get(id)!.doc, 'body_line')[0];
      expect(ownText(body ?? { type: 'x' }) || body?.content?.[0]?.text).toBe(byId.get(id)?.body);
    }
  });

  it('say in their description what differs: the body line and the symbol pattern, each one its own', () => {
    const symbols: Record<string, RegExp> = {
      'functional-commission-resolution': /E\/CN\.6\//,
      'ccpcj-resolution': /E\/CN\.15\//,
      'cnd-resolution': /E\/CN\.7\//,
      'ecosoc-resolution': /recommends to the Council for adoption/,
    };
    for (const t of templates) {
      expect(t.description.length, t.id).toBeGreaterThan(40);
      expect(t.description, t.id).toContain(t.body);
      if (symbols[t.id]) expect(t.description, t.id).toMatch(symbols[t.id]!);
    }
    expect(new Set(templates.map((t) => t.description)).size).toBe(templates.length);
  });
});
