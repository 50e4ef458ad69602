import { memo, useState } from 'react';
import type { ReactNode } from 'react';
import type { RevisionKind, RevisionSummary } from '../../shared/api/contract.js';
import { authorName, dateTime, namedKinds, revisionKindNames, revisionName, suggestLabel } from '../document/revision-format.js';
import { t } from '../i18n/index.js';
import { messageOf } from '../format.js';

/** What a person can do with a revision from the panel. */
export type RevisionActions = {
  onSave: (kind: RevisionKind, label: string) => Promise<void>;
  onOpen: (revision: RevisionSummary) => void;
  onCompare: (old: string, newer: string) => void;
  onRestore: (revision: RevisionSummary) => void;
  onNewDocument: (revision: RevisionSummary) => void;
  /** Opens the Export dialog on `revision`, with the changes since `from` (the revision before it) when there is one. */
  onExport?: (revision: RevisionSummary, from: RevisionSummary | null) => void;
  /** The issued-record part under a named revision (record-tools.tsx) and the revision file check at the panel's foot. */
  record?: { item: (revision: RevisionSummary) => ReactNode; verify: ReactNode };
};

/** Props of the revisions panel: the revisions (newest first, null while loading) and what to do with them. */
export type RevisionsPanelProps = RevisionActions & { revisions: readonly RevisionSummary[] | null; error: string | null };

/**
 * The document's revisions as a side panel: "Save revision…" (kind and label, with the
 * next Rev.N suggested), the named revisions newest first (kind, label, author and
 * delegation, time), each with open, compare with now, compare with the revision before,
 * restore, new document and export (with the changes since the revision before); and the
 * autosave points on a time slider.
 */
export const RevisionsPanel = memo(function RevisionsPanel({ revisions, error, ...actions }: RevisionsPanelProps) {
  const named = (revisions ?? []).filter((r) => r.kind !== 'autosave');
  const autosaves = (revisions ?? []).filter((r) => r.kind === 'autosave');
  return (
    <section className="side-panel revisions-panel" aria-label={t('revisions:revisionsPanel.revisions')}>
      <h2 className="panel-title">{t('revisions:revisionsPanel.revisions')}</h2>
      <SaveRevisionForm revisions={revisions ?? []} onSave={actions.onSave} />
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      {revisions === null && !error ? <p className="list-empty">{t('revisions:revisionsPanel.loadingRevisions')}</p> : null}
      {revisions !== null && named.length === 0 ? <p className="list-empty">{t('revisions:revisionsPanel.noNamedRevisionYet')}</p> : null}
      <ol className="revision-list" aria-label={t('revisions:revisionsPanel.namedRevisions')}>
        {named.map((r, i) => (
          <RevisionItem key={r.id} revision={r} previous={named[i + 1] ?? null} actions={actions} />
        ))}
      </ol>
      <AutosaveSlider points={autosaves} actions={actions} />
      {actions.record?.verify}
    </section>
  );
});

type SaveFormProps = { revisions: readonly RevisionSummary[]; onSave: RevisionActions['onSave'] };

function SaveRevisionForm({ revisions, onSave }: SaveFormProps) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Exclude<RevisionKind, 'autosave'>>('revision');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button
        type="button"
        className="button primary"
        onClick={() => {
          setOpen(true);
          setKind('revision');
          setLabel(suggestLabel('revision', revisions));
          setError(null);
        }}
      >
        {t('revisions:revisionsPanel.saveRevision')}
      </button>
    );
  return (
    <form
      className="save-revision"
      aria-label={t('revisions:revisionsPanel.saveRevision2')}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        onSave(kind, label.trim()).then(
          () => {
            setBusy(false);
            setOpen(false);
          },
          (cause: unknown) => {
            setBusy(false);
            setError(messageOf(cause));
          },
        );
      }}
    >
      <label className="meta-field">
        <span>{t('revisions:revisionsPanel.kind')}</span>
        <select
          value={kind}
          onChange={(e) => {
            const next = e.target.value as Exclude<RevisionKind, 'autosave'>;
            setKind(next);
            setLabel(suggestLabel(next, revisions));
          }}
        >
          {namedKinds.map((k) => (
            <option key={k} value={k}>
              {revisionKindNames[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="meta-field">
        <span>{t('revisions:revisionsPanel.label')}</span>
        <input
          type="text"
          value={label}
          autoFocus
          placeholder={kind === 'l-document' ? 'A/C.3/80/L.12' : kind === 'oral-revision' ? t('revisions:revisionsPanel.oralRevision14November') : ''}
          onChange={(e) => setLabel(e.target.value)}
        />
      </label>
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button subtle" onClick={() => setOpen(false)}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy || label.trim() === ''}>
          {busy ? t('common:saving') : t('revisions:revisionsPanel.save')}
        </button>
      </div>
    </form>
  );
}

type RevisionItemProps = { revision: RevisionSummary; previous: RevisionSummary | null; actions: RevisionActions };

function RevisionItem({ revision, previous, actions }: RevisionItemProps) {
  const name = revisionName(revision);
  return (
    <li className="revision-item" data-revision-id={revision.id} aria-label={name}>
      <div className="revision-head">
        <span className={`revision-kind kind-${revision.kind}`}>{revisionKindNames[revision.kind]}</span>
        <span className="revision-label">{name}</span>
      </div>
      <div className="revision-meta">
        {authorName(revision.author, revision.delegation)} · <time dateTime={revision.createdAt} title={revision.createdAt}>{dateTime(revision.createdAt)}</time>
      </div>
      <div className="revision-actions" role="group" aria-label={t('revisions:revisionsPanel.actionsFor', { name })}>
        <button type="button" className="link-button" onClick={() => actions.onOpen(revision)}>
          {t('revisions:revisionsPanel.open')}
        </button>
        <button type="button" className="link-button" onClick={() => actions.onCompare(revision.id, 'now')}>
          {t('revisions:revisionsPanel.compareWithNow')}
        </button>
        {previous ? (
          <button type="button" className="link-button" onClick={() => actions.onCompare(previous.id, revision.id)} title={t('revisions:revisionsPanel.compareFromTo', { from: revisionName(previous), to: name })}>
            {t('revisions:revisionsPanel.compareWith')}{' '}{revisionName(previous)}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => actions.onRestore(revision)}>
          {t('revisions:revisionsPanel.restore')}
        </button>
        <button type="button" className="link-button" onClick={() => actions.onNewDocument(revision)}>
          {t('revisions:revisionsPanel.newDocument')}
        </button>
        {actions.onExport ? (
          <button type="button" className="link-button" onClick={() => actions.onExport?.(revision, previous)}>
            {previous ? t('revisions:revisionsPanel.exportWithChangesFrom', { name, revisionName: revisionName(previous) }) : t('revisions:revisionsPanel.export', { name })}
          </button>
        ) : null}
      </div>
      {actions.record?.item(revision)}
    </li>
  );
}

type AutosaveSliderProps = { points: readonly RevisionSummary[]; actions: RevisionActions };

// Autosave points oldest (left) to newest (right); the slider picks one to open or compare.
function AutosaveSlider({ points, actions }: AutosaveSliderProps) {
  const oldestFirst = [...points].reverse();
  const [index, setIndex] = useState<number | null>(null);
  if (oldestFirst.length === 0) return null;
  const at = Math.min(index ?? oldestFirst.length - 1, oldestFirst.length - 1);
  const point = oldestFirst[at] as RevisionSummary;
  return (
    <div className="autosave-slider" role="group" aria-label={t('revisions:revisionsPanel.autosavePoints')}>
      <h3 className="panel-subtitle">{t('revisions:revisionsPanel.autosavePoints')}</h3>
      <input
        type="range"
        min={0}
        max={oldestFirst.length - 1}
        value={at}
        aria-label={t('revisions:revisionsPanel.autosavePoint')}
        aria-valuetext={`${dateTime(point.createdAt)}, ${authorName(point.author, point.delegation)}`}
        onChange={(e) => setIndex(Number(e.target.value))}
      />
      <div className="revision-meta">
        {at + 1}{' '}{t('revisions:revisionsPanel.of')}{' '}{oldestFirst.length}: <time dateTime={point.createdAt} title={point.createdAt}>{dateTime(point.createdAt)}</time> · {authorName(point.author, point.delegation)}
      </div>
      <div className="revision-actions">
        <button type="button" className="link-button" onClick={() => actions.onOpen(point)}>
          {t('revisions:revisionsPanel.open')}
        </button>
        <button type="button" className="link-button" onClick={() => actions.onCompare(point.id, 'now')}>
          {t('revisions:revisionsPanel.compareWithNow')}
        </button>
        <button type="button" className="link-button" onClick={() => actions.onRestore(point)}>
          {t('revisions:revisionsPanel.restore')}
        </button>
      </div>
    </div>
  );
}
