import { useDeferredValue, useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { numberingKey } from '../editor/numbering-plugin.js';
import { jumpToParagraphTr, moveParagraphTr, outlineEntries } from '../editor/outline.js';
import type { DropTarget, OutlineEntry, OutlinePart } from '../editor/outline.js';

/** Props of the outline panel: the live editor view and its latest state (null until the editor exists). */
export type OutlinePanelProps = { view: EditorView | null; state: EditorState | null };

const partTitles: Readonly<Record<OutlinePart, string>> = {
  preamble: 'Preamble',
  operative: 'Operative part',
  decision_body: 'Paragraphs',
};

const entryMime = 'application/x-penholder-paragraph';

/**
 * The document's outline: its preambular and operative paragraphs (or a decision's lettered
 * paragraphs) with their computed numbers and first words. Clicking a row puts the cursor in
 * that paragraph and scrolls it into view; dragging a row onto another (upper half: before,
 * lower half: after) or onto a part's heading (its end) moves the paragraph with its
 * children in one transaction, so numbers follow at once.
 */
export function OutlinePanel({ view, state }: OutlinePanelProps) {
  // Deferred: typing stays ahead of the outline's re-render on a long document.
  const deferred = useDeferredValue(state);
  const entries = useMemo(() => {
    const numbering = deferred ? numberingKey.getState(deferred)?.numbering : undefined;
    return deferred && numbering ? outlineEntries(deferred.doc, numbering) : [];
  }, [deferred]);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const parts = (['preamble', 'operative', 'decision_body'] as const).filter(
    (part) => entries.some((e) => e.part === part) || (part !== 'decision_body' && entries.some((e) => e.part === 'operative')),
  );

  const jump = (entry: OutlineEntry) => {
    if (!view) return;
    const tr = jumpToParagraphTr(view.state, entry.pos);
    if (tr) view.dispatch(tr);
    view.focus();
  };

  const onDrop = (event: DragEvent, target: DropTarget) => {
    event.preventDefault();
    setDrop(null);
    const id = event.dataTransfer.getData(entryMime);
    const from = entries.find((e) => e.id === id);
    if (!view || !from) return;
    const tr = moveParagraphTr(view.state, from.pos, target);
    if (tr) view.dispatch(tr);
  };

  const over = (event: DragEvent, target: DropTarget) => {
    if (!event.dataTransfer.types.includes(entryMime)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (drop?.part !== target.part || drop.index !== target.index) setDrop(target);
  };

  const rowTarget = (event: DragEvent, entry: OutlineEntry): DropTarget => {
    const box = event.currentTarget.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    return { part: entry.part, index: entry.index + (after ? 1 : 0) };
  };

  return (
    <nav className="outline-panel" aria-label="Outline">
      <h2 className="panel-title">Outline</h2>
      {parts.map((part) => {
        const rows = entries.filter((e) => e.part === part);
        const end: DropTarget = { part, index: rows.length };
        return (
          <section key={part} className="outline-part" aria-label={partTitles[part]}>
            <h3
              className={`outline-part-title${drop?.part === part && drop.index === rows.length ? ' drop-end' : ''}`}
              onDragOver={(e) => over(e, end)}
              onDrop={(e) => onDrop(e, end)}
            >
              {partTitles[part]}
            </h3>
            <ol className="outline-list">
              {rows.map((entry) => (
                <li
                  key={entry.id || `${part}-${entry.index}`}
                  className={`outline-row${drop?.part === part && drop.index === entry.index ? ' drop-before' : ''}${
                    drop?.part === part && drop.index === entry.index + 1 && entry.index === rows.length - 1 ? ' drop-after' : ''
                  }`}
                  draggable
                  data-id={entry.id}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(entryMime, entry.id);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDragEnd={() => setDrop(null)}
                  onDragOver={(e) => over(e, rowTarget(e, entry))}
                  onDrop={(e) => onDrop(e, rowTarget(e, entry))}
                >
                  <button type="button" className="outline-item" onClick={() => jump(entry)} aria-label={`${entry.number}: ${entry.words || 'empty'}`}>
                    <span className="outline-number">{entry.number}</span>
                    <span className="outline-words">{entry.words || '(empty)'}</span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </nav>
  );
}
