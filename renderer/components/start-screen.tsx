/** Props of the start screen. */
export type StartScreenProps = { documentCount: number; onNewFromTemplate: () => void };

/** What the main area shows when no document is open: what to do next. */
export function StartScreen({ documentCount, onNewFromTemplate }: StartScreenProps) {
  return (
    <section className="start-screen" aria-labelledby="start-title">
      <h1 id="start-title">Draft and negotiate resolutions</h1>
      <p>
        {documentCount > 0
          ? 'Open a document from the list, or start a new one.'
          : 'Start a resolution or decision from a template, or import the text of an existing draft.'}
      </p>
      <p className="start-hint">
        Paragraph numbers, subparagraph letters and footnote numbers are computed as you write: never type them.
      </p>
      <button type="button" className="button primary" onClick={onNewFromTemplate}>
        New from template
      </button>
    </section>
  );
}
