import type { RevisionSummary } from '../../shared/api/contract.js';
import { dateTime, revisionName } from '../document/revision-format.js';
import { provenanceFileName } from '../library/provenance-export.js';
import { t } from '../i18n/index.js';

/** What the Export dialog asks. `changesFrom` is a revision id ('' for none); `proposers` how brackets name who proposed them. */
export type ExportChoices = {
  format: 'docx' | 'pdf' | 'akn' | 'text' | 'provenance';
  /** For the provenance report: a text report or a CSV table. */
  report: 'txt' | 'csv';
  view: 'compilation' | 'clean';
  proposers: 'tags' | 'comments' | 'none';
  changesFrom: string;
  paper: 'a4' | 'letter';
};

/** Props of the options: the choices, a change to some of them, and the named revisions changes can be shown from. */
export type ExportOptionsProps = { choices: ExportChoices; onChange: (change: Partial<ExportChoices>) => void; revisions: readonly RevisionSummary[]; symbol: string; provenance?: boolean };

const extensions: Record<ExportChoices['format'], string> = { docx: '.docx', pdf: '.pdf', akn: '.xml', text: '.txt', provenance: '.txt' };

// The format cards, in order; their words are documents:exportFormat.<value>.title / .detail.
const formats: ExportChoices['format'][] = ['docx', 'pdf', 'akn', 'text', 'provenance'];

type Option<T extends string> = { value: T; label: string };

// A group of radio buttons with a legend, laid out in a row.
function Choice<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: readonly Option<T>[]; onChange: (v: T) => void }) {
  return (
    <fieldset className="io-group io-row">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="io-choice">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span className="io-choice-title">{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The Export dialog's fields: format as cards (the four document formats and, unless
 * `provenance` is false, the provenance report of the library), then what applies to it: view
 * (compilation with its brackets, or clean), how the proposers of brackets show
 * (compilation: tags, Word comments for Word, or none; not for Akoma Ntoso, which keeps them
 * as data), the revision whose changes since show as tracked changes (Word), the paper (PDF),
 * and the name the file is saved under (after `symbol`, '/' as '_'); for the provenance
 * report, text or CSV.
 */
export function ExportOptions({ choices, onChange, revisions, symbol, provenance = true }: ExportOptionsProps) {
  const { format } = choices;
  return (
    <>
      <fieldset className="io-group export-formats">
        <legend>{t('documents:exportDialogOptions.format')}</legend>
        {formats.filter((f) => f !== 'provenance' || provenance).map((value) => ({ value, title: t(`documents:exportFormat.${value}.title`), detail: t(`documents:exportFormat.${value}.detail`) })).map((f) => (
          <label key={f.value} className="format-card">
            <input type="radio" name="export-format" value={f.value} checked={format === f.value} onChange={() => onChange({ format: f.value })} />
            <span className="io-choice-title">{f.title}</span>
            <span className="io-choice-detail">{f.detail}</span>
          </label>
        ))}
      </fieldset>
      {format === 'provenance' ? (
        <>
          <Choice
            legend={t('documents:exportDialogOptions.report')}
            name="export-report"
            value={choices.report}
            options={[
              { value: 'txt', label: t('documents:exportDialogOptions.textReport') },
              { value: 'csv', label: 'CSV table' },
            ]}
            onChange={(v) => onChange({ report: v })}
          />
          <p className="export-name-note">
            {t('documents:exportDialogOptions.eachParagraphAsVerbatim')}{' '}
            <strong>{provenanceFileName(symbol.trim() || 'draft', choices.report)}</strong>.
          </p>
        </>
      ) : (
        <DocumentOptions choices={choices} onChange={onChange} revisions={revisions} symbol={symbol} />
      )}
    </>
  );
}

// The options of the document formats (all but the provenance report).
function DocumentOptions({ choices, onChange, revisions, symbol }: ExportOptionsProps) {
  const { format, view } = choices;
  const proposerOptions: Option<ExportChoices['proposers']>[] = [
    { value: 'tags', label: t('documents:exportDialogOptions.tagsInTheText') },
    ...(format === 'docx' ? [{ value: 'comments' as const, label: t('documents:exportDialogOptions.wordComments') }] : []),
    { value: 'none', label: t('documents:exportDialogOptions.notShown') },
  ];
  const proposers = format !== 'docx' && choices.proposers === 'comments' ? 'tags' : choices.proposers;
  return (
    <>
      <Choice
        legend={t('documents:exportDialogOptions.view')}
        name="export-view"
        value={view}
        options={[
          { value: 'compilation', label: t('documents:exportDialogOptions.compilationWithBrackets') },
          { value: 'clean', label: t('documents:exportDialogOptions.textWithoutBrackets') },
        ]}
        onChange={(v) => onChange({ view: v })}
      />
      {view === 'compilation' && format !== 'akn' ? <Choice legend={t('documents:exportDialogOptions.whoProposedEachBracket')} name="export-proposers" value={proposers} options={proposerOptions} onChange={(v) => onChange({ proposers: v })} /> : null}
      {format === 'docx' ? (
        <label className="field export-changes">
          <span>{t('documents:exportDialogOptions.changesSinceShownAs')}</span>
          <select value={choices.changesFrom} onChange={(e) => onChange({ changesFrom: e.target.value })}>
            <option value="">{t('documents:exportDialogOptions.noneTheTextOnly')}</option>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {revisionName(r)} ({dateTime(r.createdAt)})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {format === 'pdf' ? (
        <Choice
          legend={t('documents:exportDialogOptions.paper')}
          name="export-paper"
          value={choices.paper}
          options={[
            { value: 'a4', label: 'A4' },
            { value: 'letter', label: 'US Letter' },
          ]}
          onChange={(v) => onChange({ paper: v })}
        />
      ) : null}
      <p className="export-name-note">
        {symbol.trim() ? (
          <>
            {t('documents:exportDialogOptions.savedAs')}{' '}<strong>{symbol.trim().replace(/[/\\]/g, '_')}{extensions[format]}</strong>{t('documents:exportDialogOptions.afterTheDocumentSymbol')}
          </>
        ) : (
          t('documents:exportDialogOptions.savedUnderTheDocument', { value: extensions[format] })
        )}
      </p>
    </>
  );
}
