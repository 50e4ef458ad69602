import { useRef } from 'react';

/** Props of the revision-file picker: the button's words, the hidden input's label, what to do with the file picked, and an error to show. */
export type RevisionFilePickerProps = { button: string; fileLabel: string; onFile: (file: File) => void; error: string | null };

/**
 * A button that opens the file chooser for a revision file (.json) and hands the file picked
 * to `onFile` (the same file may be picked again: the input is cleared each time), with the
 * error of the last attempt below it as an alert.
 */
export function RevisionFilePicker({ button, fileLabel, onFile, error }: RevisionFilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button subtle" onClick={() => input.current?.click()}>
        {button}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={fileLabel}
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
