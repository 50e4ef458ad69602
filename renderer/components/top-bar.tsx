import { useId, useRef } from 'react';
import type { ReactNode } from 'react';

/** Props of the top bar. */
export type TopBarProps = {
  onNewFromTemplate: () => void;
  onImportFile: (file: File) => void;
  importing: boolean;
  /** Shown at the bar's end (the profile button). */
  children?: ReactNode;
};

/** The application bar: the app's name, the two ways to start a document, and `children` at its end. */
export function TopBar({ onNewFromTemplate, onImportFile, importing, children }: TopBarProps) {
  return (
    <header className="top-bar" role="banner">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ¶
        </span>
        <span className="brand-name">Penholder</span>
        <span className="brand-tagline">Resolutions, drafted and negotiated</span>
      </div>
      <div className="top-actions" role="toolbar" aria-label="Start a document">
        <button type="button" className="button primary" onClick={onNewFromTemplate}>
          New from template
        </button>
        <ImportTextButton onFile={onImportFile} busy={importing} />
      </div>
      {children}
    </header>
  );
}

/** Props of the import button. */
export type ImportTextButtonProps = {
  onFile: (file: File) => void;
  busy: boolean;
};

/**
 * "Import text…": a button opening the file chooser for a plain-text file (as extracted from
 * a PDF or the UN document system). The chosen file is handed to `onFile`; choosing the same
 * file again works because the input is cleared after each choice.
 */
export function ImportTextButton({ onFile, busy }: ImportTextButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <>
      <button type="button" className="button" disabled={busy} aria-controls={inputId} onClick={() => input.current?.click()}>
        {busy ? 'Importing…' : 'Import text…'}
      </button>
      <input
        ref={input}
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".txt,text/plain"
        aria-label="Text file to import"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
