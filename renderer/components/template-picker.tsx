import { useEffect, useRef, useState } from 'react';
import type { ApiClient, TemplateSummary } from '../../shared/api/contract.js';
import { kindName, messageOf } from '../format.js';
import { DialogError } from './dialog-footer.js';
import { t } from '../i18n/index.js';
import { templateText } from '../i18n/names.js';

/** Props of the template picker. */
export type TemplatePickerProps = {
  api: ApiClient;
  /** Called with the chosen template and the optional title typed by the user. */
  onCreate: (templateId: string, title: string | undefined) => Promise<void>;
  onCancel: () => void;
};

/**
 * "New from template": a modal dialog listing the seed templates (`templates.list`) with an
 * optional title; choosing one creates the document. Escape or Cancel closes it.
 */
export function TemplatePicker({ api, onCreate, onCancel }: TemplatePickerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    api.invoke('templates.list', {}).then(
      (list) => live && setTemplates(list),
      (cause: unknown) => live && setError(t('documents:templatePicker.theTemplatesCouldNot', { reason: messageOf(cause) })),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const create = async (templateId: string) => {
    setCreating(templateId);
    setError(null);
    try {
      await onCreate(templateId, title.trim() === '' ? undefined : title.trim());
    } catch (cause) {
      setError(t('documents:templatePicker.theDocumentCouldNot', { reason: messageOf(cause) }));
      setCreating(null);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="template-picker-title" onCancel={onCancel}>
      <h2 id="template-picker-title">{t('documents:templatePicker.newFromTemplate')}</h2>
      <p className="dialog-lead">{t('documents:templatePicker.chooseTheKindOf')}</p>
      <label className="field">
        <span>{t('documents:templatePicker.titleOptional')}</span>
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} placeholder={t('documents:templatePicker.keepTheTemplateS')} />
      </label>
      <DialogError error={error} />
      {templates === null && !error ? <p role="status">{t('documents:templatePicker.loadingTemplates')}</p> : null}
      {templates ? (
        <ul className="template-list" aria-label={t('documents:templatePicker.templates')}>
          {templates.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                className="template-card"
                data-template-id={template.id}
                disabled={creating !== null}
                onClick={() => void create(template.id)}
              >
                <span className="template-name">{templateText(template).name}</span>
                <span className="template-meta">
                  {kindName(template.kind)} · <span className="template-body">{template.body}</span>
                </span>
                <span className="template-description">{templateText(template).description}</span>
                {creating === template.id ? <span className="template-busy">{t('documents:templatePicker.creating')}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </dialog>
  );
}
