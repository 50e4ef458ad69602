/**
 * The eIds of an Akoma Ntoso export, planned before anything is written so that
 * `alternativeTo` and cross-references can point forward: the DGACM scheme (`formula_1`,
 * then one running number for preamble containers and body paragraphs, `container_2`,
 * `para_12`, `para_12__content`), extended in the AKN naming convention's style for the
 * parts DGACM flattens (`para_12__list_1__point_a`, `..__point_b__list_1__point_i`,
 * numbered lists `..__list_2__point_3`, annexes `att_1` with their own `para_N`).
 */
import type { Node } from 'prosemirror-model';
import { letter, roman } from '../../document/labels.js';

/** eId of every paragraph-level node, list and annex of a document, and the eId of each stable id. */
export type EIdPlan = { byNode: Map<Node, string>; byId: Map<string, string> };

const topLevel: ReadonlySet<string> = new Set(['preambular_paragraph', 'operative_paragraph', 'decision_paragraph']);

/**
 * Plans the eIds of `doc` (see the module comment). Nodes are keyed by object, so a node
 * object that appears twice in a document gets the eId of its last place.
 */
export function planEIds(doc: Node): EIdPlan {
  const plan: EIdPlan = { byNode: new Map(), byId: new Map() };
  const set = (node: Node, eId: string): void => {
    plan.byNode.set(node, eId);
    const id: unknown = node.attrs.id;
    if (typeof id === 'string' && id !== '' && !plan.byId.has(id)) plan.byId.set(id, eId);
  };
  let counter = 1;
  let annexes = 0;
  doc.forEach((part) => {
    const name = part.type.name;
    if (name === 'body_line') set(part, 'formula_1');
    if (name === 'preamble' || name === 'operative' || name === 'decision_body') {
      part.forEach((paragraph) => {
        if (!topLevel.has(paragraph.type.name)) return;
        const eId = `${paragraph.type.name === 'preambular_paragraph' ? 'container' : 'para'}_${++counter}`;
        set(paragraph, eId);
        planChildren(paragraph, eId, set);
      });
    }
    if (name === 'annex') {
      const annexEId = `att_${++annexes}`;
      set(part, annexEId);
      let lists = 0;
      part.forEach((child) => {
        if (child.type.name === 'annex_paragraph') set(child, `para_${++counter}`);
        if (child.type.name === 'numbered_list') {
          const eId = `${annexEId}__list_${++lists}`;
          set(child, eId);
          planItems(child, eId, set);
        }
      });
    }
  });
  return plan;
}

/** The eId of the wrapper list holding the children of the element `eId`. */
export function childListEId(eId: string): string {
  return `${eId}__list_1`;
}

// Children of a paragraph-level node sit in one wrapper list (`<eId>__list_1`): lettered
// children as its points (point_a / point_i, by level), numbered lists as nested lists
// (`__list_2`, `__list_3` ...).
function planChildren(node: Node, eId: string, set: (node: Node, eId: string) => void): void {
  const list = childListEId(eId);
  let letters = 0;
  let lists = 1;
  node.forEach((child) => {
    const name = child.type.name;
    if (name === 'subparagraph' || name === 'sub_subparagraph') {
      letters++;
      const childEId = `${list}__point_${name === 'subparagraph' ? letter(letters) : roman(letters)}`;
      set(child, childEId);
      planChildren(child, childEId, set);
    } else if (name === 'numbered_list') {
      const listEId = `${list.slice(0, -2)}_${++lists}`;
      set(child, listEId);
      planItems(child, listEId, set);
    }
  });
}

function planItems(list: Node, eId: string, set: (node: Node, eId: string) => void): void {
  list.forEach((item, _offset, index) => {
    const itemEId = `${eId}__point_${index + 1}`;
    set(item, itemEId);
    planChildren(item, itemEId, set);
  });
}
