import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { EditorView } from 'prosemirror-view';
import { computeNumbering } from '../../shared/document/numbering.js';
import { crossReferenceRequestEvent, filterTargets, insertCrossReference, referenceTargets } from '../editor/commands/cross-reference-commands.js';
import type { ReferenceTarget } from '../editor/commands/cross-reference-commands.js';
import { numberingKey } from '../editor/numbering-plugin.js';
import { t } from '../i18n/index.js';

/** Props of the cross-reference picker: the live editor view (null until ready). */
export type CrossReferencePickerProps = { view: EditorView | null };

/**
 * The dialog behind "Insert cross-reference" (Mod-Alt-r or the toolbar): a search field
 * over the document's paragraphs (PP/OP numbers and subparagraphs, with their first words)
 * and the list of matches. Up/Down choose, Enter or a click inserts a reference to the
 * chosen paragraph at the cursor, Escape cancels; focus returns to the text either way.
 */
export function CrossReferencePicker({ view }: CrossReferencePickerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [targets, setTargets] = useState<ReferenceTarget[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!view) return;
    const onRequest = () => {
      const numbering = numberingKey.getState(view.state)?.numbering ?? computeNumbering(view.state.doc);
      setTargets(referenceTargets(view.state.doc, numbering));
      setQuery('');
      setActive(0);
    };
    view.dom.addEventListener(crossReferenceRequestEvent, onRequest);
    return () => view.dom.removeEventListener(crossReferenceRequestEvent, onRequest);
  }, [view]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (targets && !el.open) el.showModal();
    if (!targets && el.open) el.close();
  }, [targets]);

  const matches = useMemo(() => (targets ? filterTargets(targets, query) : []), [targets, query]);
  const close = () => {
    setTargets(null);
    view?.focus();
  };
  const choose = (target: ReferenceTarget | undefined) => {
    if (!view || !target) return;
    insertCrossReference(target.id, target.noun)(view.state, view.dispatch);
    close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (matches.length === 0 ? 0 : (a + step + matches.length) % matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(matches[active]);
    }
  };
  const activeId = matches[active] ? `xref-option-${matches[active].id}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <dialog ref={dialog} className="dialog xref-picker" aria-labelledby="xref-title" onClose={close}>
      <h2 id="xref-title">{t('documents:crossReferencePicker.insertCrossReference')}</h2>
      <p className="dialog-lead">{t('documents:crossReferencePicker.theReferenceShowsThe')}</p>
      <input
        className="xref-search"
        type="search"
        role="combobox"
        aria-label={t('documents:crossReferencePicker.findAParagraph')}
        aria-controls="xref-options"
        aria-expanded="true"
        aria-activedescendant={activeId}
        placeholder={t('documents:crossReferencePicker.numberOrWordsE')}
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="xref-options" className="xref-options" role="listbox" aria-label={t('documents:crossReferencePicker.paragraphs')}>
        {matches.map((target, i) => (
          <li
            key={target.id}
            id={`xref-option-${target.id}`}
            role="option"
            aria-selected={i === active}
            className="xref-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(target)}
          >
            <span className="xref-path">{target.path}</span>
            <span className="xref-words">{target.words || t('common:empty')}</span>
          </li>
        ))}
        {matches.length === 0 ? <li className="xref-none">{t('documents:crossReferencePicker.noParagraphMatches', { query })}</li> : null}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          {t('common:cancel')}
        </button>
      </div>
    </dialog>
  );
}
