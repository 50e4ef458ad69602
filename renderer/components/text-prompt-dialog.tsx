import { useEffect, useRef, useState } from 'react';
import { DialogFooter } from './dialog-footer.js';
import { t } from '../i18n/index.js';

/** What a text prompt asks: its title, a sentence of help, the field's label, one line or several. */
export type TextPrompt = { title: string; lead: string; label: string; multiline?: boolean; submit: string };

/** Props of the text prompt: the prompt (null: closed), and what submitting and closing do. */
export type TextPromptDialogProps = {
  prompt: TextPrompt | null;
  /** Called with the text typed (never empty). */
  onSubmit: (text: string) => void;
  /** Called when the dialog closes without a text (Cancel, Escape). */
  onClose: () => void;
};

/**
 * A small modal dialog asking for one piece of text (the text of an alternative, of an
 * alternative paragraph). Enter submits (Ctrl/Cmd+Enter in a several-line field); an empty
 * text is refused with a message; Cancel or Escape closes it.
 */
export function TextPromptDialog({ prompt, onSubmit, onClose }: TextPromptDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (prompt) {
      setText('');
      setError(null);
    }
    if (prompt && !el.open) el.showModal();
    if (prompt) el.querySelector<HTMLElement>('input, textarea')?.focus();
    if (!prompt && el.open) el.close();
  }, [prompt]);

  const submit = () => {
    const value = text.replace(/\s+/g, ' ').trim();
    if (value === '') return setError(t('documents:textPromptDialog.typeTheTextFirst'));
    onSubmit(value);
  };
  return (
    <dialog ref={dialog} className="dialog text-prompt" aria-labelledby="text-prompt-title" onClose={() => prompt && onClose()}>
      <h2 id="text-prompt-title">{prompt?.title}</h2>
      {prompt ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <p className="dialog-lead">{prompt.lead}</p>
          <label className="field">
            <span>{prompt.label}</span>
            {prompt.multiline ? (
              <textarea
                rows={4}
                autoFocus
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    submit();
                  }
                }}
              />
            ) : (
              <input type="text" autoFocus value={text} onChange={(e) => setText(e.target.value)} />
            )}
          </label>
          <DialogFooter error={error} onCancel={onClose} submit={prompt.submit} />
        </form>
      ) : null}
    </dialog>
  );
}
