import type { Node } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { EditorView, NodeView } from 'prosemirror-view';
import { childText, documentKind, readHeader } from '../../shared/document/header.js';
import type { HeaderAttrs } from '../../shared/document/header.js';
import { i18n, t } from '../i18n/index.js';
import { agendaItemLine, distributionLine, mastheadWords, organOfBodyLine, organOfSymbol, originalLine, sponsorsLine } from '../../shared/document/labels-masthead.js';

/**
 * The `header` atom drawn as the block that heads a UN document: "United Nations" and the
 * organ at the start of the line, the symbol, distribution, date and original language at
 * its end (mirrored in a right-to-left document), then session, agenda item and the sponsors
 * line, all in the document's language (shared/document/labels-masthead.ts). Read-only (edited
 * through the details panel), so it is not editable and ignores its own DOM mutations.
 */

/** Lines of the header block, in reading order; empty parts are left out. */
export type HeaderLines = {
  unitedNations: string;
  organ: string;
  symbol: string;
  meta: string[];
  session: string[];
  sponsorsLine: string;
  heading: string;
};

/**
 * What the header block shows for `header` in a document of `kind`, in the document's
 * language; the organ comes from the symbol, or from the body line while the document has no
 * symbol yet. The distribution line follows the symbol as the exports write it: a draft of the
 * L series is limited ("Distr.: Limited", "Distr. limitée"), any other text general.
 */
export function headerLines(header: HeaderAttrs, kind: 'resolution' | 'decision', bodyLine = ''): HeaderLines {
  const language = header.language;
  const meta = [header.symbol ? distributionLine(header.symbol, language) : '', header.date, originalLine(language)];
  return {
    unitedNations: mastheadWords(language).unitedNations,
    organ: organOfSymbol(header.symbol, language) || organOfBodyLine(bodyLine),
    symbol: header.symbol,
    meta: meta.filter((line) => line !== ''),
    session: [header.session, agendaItemLine(header.agendaItem.replace(/^agenda item\s*/i, ''), language)].filter((line) => line !== ''),
    sponsorsLine: sponsorsLine(header.sponsors, kind, language),
    heading: header.heading,
  };
}

/**
 * Decorates the header with `data-organ`, the organ its block names. ProseMirror redraws a
 * node view only when its node or decorations change, and the organ can come from the body
 * line, outside the header node: the decoration carries that dependency. Its spec is `{ organ }`.
 */
export function headerPlugin(): Plugin<DecorationSet> {
  const decorate = (doc: Node): DecorationSet => {
    const node = doc.firstChild;
    if (node?.type.name !== 'header') return DecorationSet.empty;
    const header = readHeader(doc);
    const organ = organOfSymbol(header.symbol, header.language) || organOfBodyLine(childText(doc, 'body_line'));
    return DecorationSet.create(doc, [Decoration.node(0, node.nodeSize, { 'data-organ': organ }, { organ })]);
  };
  return new Plugin<DecorationSet>({
    state: {
      init: (_config, state) => decorate(state.doc),
      apply: (tr, previous, _old, next) => (tr.docChanged ? decorate(next.doc) : previous),
    },
    props: {
      decorations(state) {
        return this.getState(state);
      },
    },
  });
}

/** Builds the header node view for `view`; registered as the `header` entry of `nodeViews`. */
export function createHeaderView(node: Node, view: EditorView): NodeView {
  const dom = document.createElement('header');
  dom.className = 'ph-header';
  dom.contentEditable = 'false';
  // Named in the interface language, renamed when it changes.
  const name = () => dom.setAttribute('aria-label', t('editor:header.label'));
  name();
  i18n.on('languageChanged', name);
  // Re-rendered whenever what it shows changes: the header's attrs, or (before a symbol is
  // set) the body line naming the organ, which lives outside the header node.
  let shown = '';
  const render = () => {
    const doc = view.state.doc;
    const lines = headerLines(readHeader(doc), documentKind(doc), childText(doc, 'body_line'));
    const key = JSON.stringify(lines);
    if (key === shown) return;
    shown = key;
    dom.replaceChildren(...buildHeader(lines));
  };
  render();
  return {
    dom,
    update(next) {
      if (next.type !== node.type) return false;
      render();
      return true;
    },
    ignoreMutation: () => true,
    stopEvent: () => true,
    destroy: () => i18n.off('languageChanged', name),
  };
}

function buildHeader(lines: HeaderLines): HTMLElement[] {
  const top = el('div', 'ph-header-top', [el('span', 'ph-un', [lines.unitedNations]), el('span', 'ph-symbol', [lines.symbol])]);
  const organ = el('div', 'ph-header-organ', [
    el('span', 'ph-organ', [lines.organ]),
    el('div', 'ph-header-meta', lines.meta.map((line) => el('div', '', [line]))),
  ]);
  const parts = [top, organ];
  if (lines.session.length > 0) parts.push(el('div', 'ph-header-session', lines.session.map((line) => el('div', '', [line]))));
  if (lines.sponsorsLine) parts.push(el('p', 'ph-sponsors', [lines.sponsorsLine]));
  if (lines.heading) parts.push(el('p', 'ph-heading', [lines.heading]));
  return parts;
}

function el(tag: string, className: string, children: (string | HTMLElement)[]): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}
