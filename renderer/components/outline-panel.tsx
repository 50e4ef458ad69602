import { memo, useCallback, useDeferredValue, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import type { EditorView } from 'prosemirror-view';
import { numberingKey } from '../editor/numbering-plugin.js';
import { findNodeById, jumpToParagraphTr, moveParagraphTr, outlineEntries } from '../editor/outline.js';
import type { DropTarget, OutlineEntry, OutlinePart } from '../editor/outline.js';
import { CollapseButton } from './icon-rail.js';
import { t, translatedRecord } from '../i18n/index.js';
import { dispatchOwnStep } from '../editor/commands/undo-step.js';

/**
 * Props of the outline panel: the live editor view (null until it exists) and the outline
 * entries to show (`outlineEntries`); their positions may be older than the view's state,
 * the panel acts on the view's current document. With `onCollapse` its heading holds the
 * button folding it to its rail.
 */
export type OutlinePanelProps = { view: EditorView | null; entries: readonly OutlineEntry[]; onCollapse?: () => void };

const partTitles: Readonly<Record<OutlinePart, string>> = translatedRecord(['preamble', 'operative', 'decision_body'], 'app:outlinePart.');

const entryMime = 'application/x-penholder-paragraph';

/**
 * The document's outline: its preambular and operative paragraphs (or a decision's lettered
 * paragraphs) with their computed numbers and first words, each with its subparagraphs
 * ((a), (i)) nested under it. Clicking a row puts the cursor in that paragraph or
 * subparagraph and scrolls it into view; dragging a row onto another (upper half: before,
 * lower half: after) or onto a part's heading (its end) moves the paragraph with its
 * children in one transaction, so numbers follow at once.
 */
export const OutlinePanel = memo(function OutlinePanel({ view, entries: shown, onCollapse }: OutlinePanelProps) {
  // Deferred: typing stays ahead of the outline's re-render on a long document.
  const entries = useDeferredValue(shown);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  // Rows get stable callbacks that read the latest view, so a change re-renders only the rows it changed.
  const latest = useRef(view);
  latest.current = view;
  const parts = (['preamble', 'operative', 'decision_body'] as const).filter(
    (part) => entries.some((e) => e.part === part) || (part !== 'decision_body' && entries.some((e) => e.part === 'operative')),
  );

  const jump = useCallback((part: OutlinePart, index: number) => {
    const v = latest.current;
    const entry = v ? currentEntry(v, part, index) : undefined;
    if (!v || !entry) return;
    const tr = jumpToParagraphTr(v.state, entry.pos);
    if (tr) v.dispatch(tr);
    v.focus();
  }, []);

  const jumpTo = useCallback((id: string) => {
    const v = latest.current;
    const pos = v ? findNodeById(v.state.doc, id) : -1;
    if (!v || pos < 0) return;
    const tr = jumpToParagraphTr(v.state, pos);
    if (tr) v.dispatch(tr);
    v.focus();
  }, []);

  const onDrop = useCallback((event: DragEvent, target: DropTarget) => {
    event.preventDefault();
    setDrop(null);
    const [part, index] = event.dataTransfer.getData(entryMime).split(':');
    const v = latest.current;
    const from = v && part ? currentEntry(v, part as OutlinePart, Number(index)) : undefined;
    if (!v || !from) return;
    const tr = moveParagraphTr(v.state, from.pos, target);
    if (tr) dispatchOwnStep(v.state, (next) => v.dispatch(next), tr);
  }, []);

  const over = useCallback((event: DragEvent, target: DropTarget) => {
    if (!event.dataTransfer.types.includes(entryMime)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDrop((d) => (d?.part === target.part && d.index === target.index ? d : target));
  }, []);
  const endDrag = useCallback(() => setDrop(null), []);

  return (
    <nav className="outline-panel" aria-label={t('app:outlinePanel.outline')}>
      <h2 className="panel-title">
        {t('app:outlinePanel.outline')}
        {onCollapse ? <CollapseButton what={t('app:rail.outline')} side="start" onCollapse={onCollapse} /> : null}
      </h2>
      {parts.map((part) => {
        const inPart = entries.filter((e) => e.part === part);
        const rows = inPart.filter((e) => e.depth === 0);
        const subsOf = new Map<number, OutlineEntry[]>();
        for (const e of inPart) if (e.depth > 0) subsOf.set(e.index, [...(subsOf.get(e.index) ?? []), e]);
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
                  subs={subsOf.get(entry.index) ?? noSubs}
                  onJumpTo={jumpTo}
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
});

// The entry at `part`/`index` in the view's current document (the shown entries may be a keystroke behind).
function currentEntry(view: EditorView, part: OutlinePart, index: number): OutlineEntry | undefined {
  const numbering = numberingKey.getState(view.state)?.numbering;
  return numbering ? outlineEntries(view.state.doc, numbering).find((e) => e.depth === 0 && e.part === part && e.index === index) : undefined;
}

type OutlineRowProps = {
  id: string;
  part: OutlinePart;
  index: number;
  number: string;
  words: string;
  /** Its subparagraphs, in order ((a) at depth 1, (i) at depth 2). */
  subs: readonly OutlineEntry[];
  onJumpTo: (id: string) => void;
  /** Drop indicator: '', 'drop-before' or 'drop-after'. */
  mark: string;
  onJump: (part: OutlinePart, index: number) => void;
  onOver: (event: DragEvent, target: DropTarget) => void;
  onDrop: (event: DragEvent, target: DropTarget) => void;
  onEnd: () => void;
};

// One draggable row; upper half of the row drops before it, lower half after it.
const noSubs: readonly OutlineEntry[] = [];

const OutlineRow = memo(function OutlineRow({ id, part, index, number, words, subs, onJumpTo, mark, onJump, onOver, onDrop, onEnd }: OutlineRowProps) {
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
        e.dataTransfer.setData(entryMime, `${part}:${index}`);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={onEnd}
      onDragOver={(e) => onOver(e, target(e))}
      onDrop={(e) => onDrop(e, target(e))}
    >
      <button type="button" className="outline-item" onClick={() => onJump(part, index)} aria-label={`${number}: ${words || 'empty'}`}>
        <span className="outline-number">{number}</span>
        <span className="outline-words">{words || t('common:empty')}</span>
      </button>
      {subs.length > 0 ? (
        <ol className="outline-subs">
          {subs.map((sub) => (
            <li key={sub.id || `${sub.number}-${sub.pos}`} className={`outline-sub depth-${sub.depth}`} data-id={sub.id}>
              <button type="button" className="outline-item" onClick={() => onJumpTo(sub.id)} aria-label={`${number} ${sub.number}: ${sub.words || 'empty'}`}>
                <span className="outline-number">{sub.number}</span>
                <span className="outline-words">{sub.words || t('common:empty')}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
});
