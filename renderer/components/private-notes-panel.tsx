import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient, PrivateNote } from '../../shared/api/contract.js';
import { numberingKey } from '../editor/numbering-plugin.js';
import { findNodeById, jumpToParagraphTr } from '../editor/outline.js';
import { paragraphAt } from '../editor/presence-plugin.js';
import { subscribeView } from '../editor/view-listeners.js';
import { messageOf } from '../format.js';
import type { BarMenuItem } from './bar-menu.js';
import { t } from '../i18n/index.js';

/** What the document view places for private notes: its entry in a bar menu and a side panel. */
export type PrivateNotesTools = { menuItem: BarMenuItem; panel: ReactNode };

/** The paragraph a note is written on, as people name it. */
export type NoteTarget = { id: string; where: string };

// A note is saved this long after typing stops (and at once when the cursor leaves the paragraph).
const saveDelayMs = 600;

// The blocks named by what they are (negotiation:block.<type>), not by a number.
const namedBlocks = new Set(['title', 'body_line', 'annex_paragraph']);

/** How people name the paragraph with id `id` in `state`: its number path ("OP 3 (a)"), or what it is ("Title"). */
export function paragraphName(state: EditorState, id: string): string {
  const entry = numberingKey.getState(state)?.numbering.byId.get(id);
  if (entry) return entry.kind === 'pp' ? `PP ${entry.number}` : entry.path;
  const pos = findNodeById(state.doc, id);
  const node = pos >= 0 ? state.doc.nodeAt(pos) : null;
  if (!node) return 'A paragraph no longer in the text';
  return namedBlocks.has(node.type.name) ? t(`negotiation:block.${node.type.name}`) : node.type.name.replace(/_/g, ' ');
}

function targetOf(state: EditorState): NoteTarget | null {
  const ref = paragraphAt(state.doc, state.selection.head);
  return ref ? { id: ref.id, where: paragraphName(state, ref.id) } : null;
}

/**
 * Private notes for one open document: per-paragraph notes (instructions, red lines) kept
 * only in this installation. The panel edits the note of the paragraph the cursor is in and
 * lists every note; it says plainly that notes are never shared.
 */
export function usePrivateNotes(api: ApiClient, docId: string, view: EditorView | null): PrivateNotesTools {
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState<readonly PrivateNote[] | null>(null);
  const [target, setTarget] = useState<NoteTarget | null>(null);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState<'idle' | 'pending' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const dirty = useRef<{ id: string; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(() => {
    api.invoke('notes.list', { docId }).then(
      (list) => {
        setNotes(list);
        setError(null);
      },
      (cause: unknown) => setError(t('negotiation:privateNotesPanel.privateNotesCouldNot', { reason: messageOf(cause) })),
    );
  }, [api, docId]);

  const save = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const pending = dirty.current;
    if (!pending) return;
    dirty.current = null;
    api.invoke('notes.set', { docId, paragraphId: pending.id, text: pending.text }).then(
      (saved) => {
        setSaving('saved');
        setNotes((list) => [...(list ?? []).filter((n) => n.paragraphId !== saved.paragraphId), ...(saved.text ? [saved] : [])]);
      },
      (cause: unknown) => {
        setSaving('failed');
        setError(t('negotiation:privateNotesPanel.yourNoteWasNot', { reason: messageOf(cause) }));
      },
    );
  }, [api, docId]);

  useEffect(() => {
    if (open) load();
  }, [open, load]);

  // The note shown follows the cursor's paragraph; leaving a paragraph saves its note at once.
  useEffect(() => {
    if (!view || !open) return;
    return subscribeView(view, (state) => {
      const next = targetOf(state);
      setTarget((prev) => {
        if (prev?.id === next?.id && prev?.where === next?.where) return prev;
        if (prev?.id !== next?.id) save();
        return next;
      });
    });
  }, [view, open, save]);

  // A new paragraph shows its own note; the list arriving or a save finishing does not reset what was said.
  const shownFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (dirty.current?.id === target?.id) return;
    setDraft(notes?.find((n) => n.paragraphId === target?.id)?.text ?? '');
    if (shownFor.current !== target?.id) setSaving('idle');
    shownFor.current = target?.id;
  }, [target?.id, notes]);

  useEffect(() => () => save(), [save]);

  const edit = (text: string) => {
    if (!target) return;
    setDraft(text);
    setSaving('pending');
    dirty.current = { id: target.id, text };
    clearTimeout(timer.current);
    timer.current = setTimeout(save, saveDelayMs);
  };

  const sorted = view && notes ? [...notes].map((n) => ({ note: n, pos: findNodeById(view.state.doc, n.paragraphId) })).sort((a, b) => (a.pos < 0 ? 1e12 : a.pos) - (b.pos < 0 ? 1e12 : b.pos)) : [];
  const panel = open ? (
    <section className="side-panel private-notes-panel" aria-label={t('negotiation:privateNotesPanel.privateNotes')}>
      <h2 className="panel-title">{t('negotiation:privateNotesPanel.privateNotes')}</h2>
      <p className="private-label">
        <span className="private-badge">{t('negotiation:privateNotesPanel.privateNeverShared')}</span>{' '}{t('negotiation:privateNotesPanel.keptOnlyOnThis')}
      </p>
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      {target ? (
        <label className="field private-note-field">
          <span>{t('negotiation:privateNotesPanel.yourNoteOn')}{' '}{target.where}</span>
          <textarea value={draft} rows={5} placeholder={t('negotiation:privateNotesPanel.instructionsRedLinesFallback')} onChange={(e) => edit(e.target.value)} onBlur={save} />
          <span className="private-note-state" aria-live="polite">
            {saving === 'pending' ? t('common:saving') : saving === 'saved' ? t('negotiation:privateNotesPanel.savedOnThisComputer') : saving === 'failed' ? t('negotiation:privateNotesPanel.notSaved') : ''}
          </span>
        </label>
      ) : (
        <p className="list-empty">{t('negotiation:privateNotesPanel.putTheCursorIn')}</p>
      )}
      <h3 className="panel-subtitle">{t('negotiation:privateNotesPanel.allYourNotes')}{notes?.length ?? 0})</h3>
      {notes === null && !error ? <p className="list-empty">{t('negotiation:privateNotesPanel.loadingNotes')}</p> : null}
      {notes !== null && notes.length === 0 ? <p className="list-empty">{t('negotiation:privateNotesPanel.noNotesYet')}</p> : null}
      <ul className="private-note-list" aria-label={t('negotiation:privateNotesPanel.allPrivateNotes')}>
        {sorted.map(({ note, pos }) => (
          <li key={note.paragraphId}>
            <button
              type="button"
              className="private-note-item"
              disabled={pos < 0 || !view}
              onClick={() => {
                const tr = view && pos >= 0 ? jumpToParagraphTr(view.state, pos) : null;
                if (view && tr) {
                  view.dispatch(tr);
                  view.focus();
                }
              }}
            >
              <span className="private-note-where">{view ? paragraphName(view.state, note.paragraphId) : ''}</span>
              <span className="private-note-text">{note.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  ) : null;
  const menuItem: BarMenuItem = { key: 'notes', label: t('negotiation:privateNotesPanel.privateNotes'), checked: open, title: t('negotiation:privateNotesPanel.privateNotesKeptOn'), onSelect: () => setOpen((o) => !o) };
  return { menuItem, panel };
}
