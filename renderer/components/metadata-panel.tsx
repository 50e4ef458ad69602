import { useEffect, useRef, useState } from 'react';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { findDelegation } from '../../seeds/index.js';
import { childText, readHeader } from '../../shared/document/header.js';
import { languageNames, languages } from '../../shared/document/labels.js';
import type { Language } from '../../shared/document/labels.js';
import { addSponsor, filterDelegations, removeSponsor, setBlockTextTr, setHeaderTr } from '../editor/metadata.js';
import { t } from '../i18n/index.js';
import { delegationName, delegationNameOf } from '../i18n/names.js';

/** Props of the metadata panel: the live editor view and its latest state (null until the editor exists). */
export type MetadataPanelProps = { view: EditorView | null; state: EditorState | null };

/**
 * The document's metadata as a form: symbol, title, authoring body line, sponsors (picked
 * from the delegation list, in order, removable), language, date, session and agenda item.
 * Every edit is one editor transaction (header attributes or title/body text), so it syncs
 * through the Y.Doc and undoes like typing.
 */
export function MetadataPanel({ view, state }: MetadataPanelProps) {
  if (!state) return null;
  const header = readHeader(state.doc);
  const apply = (tr: Transaction | null) => {
    if (view && tr) view.dispatch(tr);
  };
  const patch = (p: Parameters<typeof setHeaderTr>[1]) => view && apply(setHeaderTr(view.state, p));
  return (
    <section className="metadata-panel" aria-label={t('documents:metadataPanel.documentDetails')}>
      <h2 className="panel-title">{t('documents:metadataPanel.details')}</h2>
      <TextField label={t('documents:metadataPanel.symbol')} value={header.symbol} placeholder="A/C.3/78/L.12" onChange={(v) => patch({ symbol: v })} />
      <TextField label={t('documents:metadataPanel.title')} value={childText(state.doc, 'title')} onChange={(v) => view && apply(setBlockTextTr(view.state, 'title', v))} />
      <TextField
        label={t('documents:metadataPanel.authoringBody')}
        value={childText(state.doc, 'body_line')}
        placeholder={t('documents:metadataPanel.theGeneralAssembly')}
        onChange={(v) => view && apply(setBlockTextTr(view.state, 'body_line', v))}
      />
      <label className="meta-field">
        <span>{t('documents:metadataPanel.language')}</span>
        <select value={header.language} onChange={(e) => patch({ language: e.target.value as Language })}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
      </label>
      <TextField label={t('documents:metadataPanel.date')} value={header.date} placeholder={t('documents:metadataPanel.n15March2024')} onChange={(v) => patch({ date: v })} />
      <TextField label={t('documents:metadataPanel.session')} value={header.session} placeholder={t('documents:metadataPanel.seventyEighthSession')} onChange={(v) => patch({ session: v })} />
      <TextField label={t('documents:metadataPanel.agendaItem')} value={header.agendaItem} placeholder={t('documents:metadataPanel.item107')} onChange={(v) => patch({ agendaItem: v })} />
      <SponsorPicker sponsors={header.sponsors} onChange={(sponsors) => patch({ sponsors })} />
    </section>
  );
}

type TextFieldProps = { label: string; value: string; placeholder?: string; onChange: (value: string) => void };

// A text input that applies each change at once but keeps its own draft while focused,
// so a round trip through the document never moves the caret.
function TextField({ label, value, placeholder, onChange }: TextFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  useEffect(() => {
    if (document.activeElement !== input.current) setDraft(value);
  }, [value]);
  return (
    <label className="meta-field">
      <span>{label}</span>
      <input
        ref={input}
        type="text"
        value={draft}
        placeholder={placeholder}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(e.target.value);
        }}
        onBlur={() => setDraft(value)}
      />
    </label>
  );
}

type SponsorPickerProps = { sponsors: string[]; onChange: (sponsors: string[]) => void };

// Sponsors in their order, each removable, and a filterable list of delegations to add.
// A sponsor is stored by its name, as the header and the exported text print it.
function SponsorPicker({ sponsors, onChange }: SponsorPickerProps) {
  const [query, setQuery] = useState('');
  const matches = filterDelegations(query, sponsors, 8);
  return (
    <div className="meta-field sponsor-picker" role="group" aria-label={t('documents:metadataPanel.sponsors')}>
      <span>{t('documents:metadataPanel.sponsors')}</span>
      <ol className="sponsor-list" aria-label={t('documents:metadataPanel.chosenSponsors')}>
        {sponsors.map((sponsor) => (
          <li key={sponsor} className="sponsor-chip">
            <span className="sponsor-code">{findDelegation(sponsor)?.code ?? ''}</span> {delegationNameOf(sponsor)}
            <button type="button" className="chip-remove" aria-label={t('documents:metadataPanel.removeSponsor', { sponsor })} onClick={() => onChange(removeSponsor(sponsors, sponsor))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <input type="search" aria-label={t('documents:metadataPanel.findADelegation')} placeholder={t('documents:metadataPanel.addASponsorName')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {query.trim() !== '' ? (
        <ul className="delegation-options" aria-label={t('documents:metadataPanel.delegations')}>
          {matches.map((d) => (
            <li key={d.code}>
              <button
                type="button"
                aria-label={t('documents:metadataPanel.addSponsor', { name: delegationName(d), code: d.code })}
                onClick={() => {
                  onChange(addSponsor(sponsors, d.name));
                  setQuery('');
                }}
              >
                <span className="sponsor-code">{d.code}</span> {delegationName(d)}
              </button>
            </li>
          ))}
          {matches.length === 0 ? <li className="list-empty">{t('documents:metadataPanel.noDelegationMatches')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
