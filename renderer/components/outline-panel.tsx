import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { numberingKey } from '../editor/numbering-plugin.js';
import { jumpToParagraphTr, moveParagraphTr, outlineEntries } from '../editor/outline.js';
import type { DropTarget, OutlinePart } from '../editor/outline.js';

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
  // Rows get stable callbacks that read the latest entries, so a keystroke re-renders only the rows it changed.
  const latest = useRef({ entries, view });
  latest.current = { entries, view };
  const parts = (['preamble', 'operative', 'decision_body'] as const).filter(
    (part) => entries.some((e) => e.part === part) || (part !== 'decision_body' && entries.some((e) => e.part === 'operative')),
  );

  const jump = useCallback((id: string) => {
    const { entries: now, view: v } = latest.current;
    const entry = now.find((e) => e.id === id);
    if (!v || !entry) return;
    const tr = jumpToParagraphTr(v.state, entry.pos);
    if (tr) v.dispatch(tr);
    v.focus();
  }, []);

  const onDrop = useCallback((event: DragEvent, target: DropTarget) => {
    event.preventDefault();
    setDrop(null);
    const id = event.dataTransfer.getData(entryMime);
    const { entries: now, view: v } = latest.current;
    const from = now.find((e) => e.id === id);
    if (!v || !from) return;
    const tr = moveParagraphTr(v.state, from.pos, target);
    if (tr) v.dispatch(tr);
  }, []);

  const over = useCallback((event: DragEvent, target: DropTarget) => {
    if (!event.dataTransfer.types.includes(entryMime)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDrop((d) => (d?.part === target.part && d.index === target.index ? d : target));
  }, []);
  const endDrag = useCallback(() => setDrop(null), []);

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
                <OutlineRow
                  key={entry.id || `${part}-${entry.index}`}
                  id={entry.id}
                  part={part}
                  index={entry.index}
                  number={entry.number}
                  words={entry.words}
                  mark={drop?.part !== part ? '' : drop.index === entry.index ? 'drop-before' : drop.index === rows.length && entry.index === rows.length - 1 ? 'drop-after' : ''}
                  onJump={jump}
                  onOver={over}
                  onDrop={onDrop}
                  onEnd={endDrag}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </nav>
  );
}

type OutlineRowProps = {
  id: string;
  part: OutlinePart;
  index: number;
  number: string;
  words: string;
  /** Drop indicator: '', 'drop-before' or 'drop-after'. */
  mark: string;
  onJump: (id: string) => void;
  onOver: (event: DragEvent, target: DropTarget) => void;
  onDrop: (event: DragEvent, target: DropTarget) => void;
  onEnd: () => void;
};

// One draggable row; upper half of the row drops before it, lower half after it.
const OutlineRow = memo(function OutlineRow({ id, part, index, number, words, mark, onJump, onOver, onDrop, onEnd }: OutlineRowProps) {
  const target = (event: DragEvent): DropTarget => {
    const box = event.currentTarget.getBoundingClientRect();
    return { part, index: index + (event.clientY > box.top + box.height / 2 ? 1 : 0) };
  };
  return (
    <li
      className={`outline-row${mark ? ` ${mark}` : ''}`}
      draggable
      data-id={id}
      onDragStart={(e) => {
        e.dataTransfer.setData(entryMime, id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={onEnd}
      onDragOver={(e) => onOver(e, target(e))}
      onDrop={(e) => onDrop(e, target(e))}
    >
      <button type="button" className="outline-item" onClick={() => onJump(id)} aria-label={`${number}: ${words || 'empty'}`}>
        <span className="outline-number">{number}</span>
        <span className="outline-words">{words || '(empty)'}</span>
      </button>
    </li>
  );
});
