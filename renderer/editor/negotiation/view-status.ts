import type { Node } from 'prosemirror-model';
import { Decoration } from 'prosemirror-view';
import type { Numbering } from '../../../shared/document/numbering.js';
import { topParagraphs } from '../../../shared/negotiation/model.js';
import { statusWidgetSpec, type StatusWidgetSpec } from './status-margin.js';

/**
 * The paragraph statuses of the read-only compilation page, in the words and colours of
 * the editor's status margin ("Agreed", "Agreed ad ref", "Reservation: USA, RUS",
 * "Parked", with "reopened" under a reopened one): the same `statusWidgetSpec`, so the
 * margin and the projected compilation never word a status differently. Labels, not
 * buttons: the page is read-only. Pending paragraphs get none, so what moved stands out.
 */
export function compilationStatusDecorations(doc: Node, numbering: Numbering): Decoration[] {
  const pathOf = (id: string) => numbering.byId.get(id)?.path;
  const out: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!topParagraphs.has(node.type.name)) return node.type.name !== 'header' && !node.isTextblock;
    const spec = statusWidgetSpec(node, pathOf);
    if (spec && spec.state !== 'pending') out.push(Decoration.widget(pos + 1, () => drawLabel(spec), { side: -1, key: spec.key, ignoreSelection: true }));
    return false;
  });
  return out;
}

// The margin's look (status.css) on a span: the class names are the button's, the role is not.
function drawLabel(spec: StatusWidgetSpec): HTMLElement {
  const box = document.createElement('span');
  box.className = `ph-status ph-status-${spec.state} ph-view-status`;
  box.contentEditable = 'false';
  box.title = spec.title;
  const label = document.createElement('span');
  label.className = 'ph-status-button';
  label.dir = 'ltr';
  label.setAttribute('aria-label', `Status of ${spec.path}: ${spec.text}${spec.reopened ? ' (reopened)' : ''}`);
  const words = document.createElement('span');
  words.textContent = spec.text;
  label.append(words);
  if (spec.reopened) {
    const note = document.createElement('span');
    note.className = 'ph-status-note';
    note.textContent = 'reopened';
    label.append(note);
  }
  box.append(label);
  return box;
}
