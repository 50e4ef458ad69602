import { memo, startTransition, useCallback, useEffect, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { dispatchOwnStep } from '../editor/commands/undo-step.js';
import { fixTransaction, selectProblem } from '../editor/style/quick-fix.js';
import { fixText, styleKey, subscribeProblems, type PlacedProblem } from '../editor/style/style-plugin.js';
import { displayKeys } from './help-sheet.js';
import { CollapseButton } from './icon-rail.js';
import { hintText } from '../../shared/style/index.js';
import { t, useT } from '../i18n/index.js';

/** Props of the problems panel: the editor whose problems it lists (null while it opens); with `onCollapse`, the button folding its column to the rail. */
export type ProblemsPanelProps = { view: EditorView | null; onCollapse?: () => void };

// The panel's list may be a render behind the editor: act on the editor's current problem.
function current(view: EditorView, problem: PlacedProblem): PlacedProblem | undefined {
  const problems = styleKey.getState(view.state)?.problems ?? [];
  return problems.find((p) => p.rule === problem.rule && p.paragraphId === problem.paragraphId && p.from === problem.from && p.to === problem.to);
}

/**
 * The style problems of the open document, beside the page: each names its place and says
 * what is wrong; clicking one selects its text in the editor and scrolls to it; a problem
 * with a certain fix has a button applying it (one undo step, as Mod-. in the editor does).
 * Problems are warnings and hints only; the panel never blocks anything.
 */
export const ProblemsPanel = memo(function ProblemsPanel({ view, onCollapse }: ProblemsPanelProps) {
  const [problems, setProblems] = useState<readonly PlacedProblem[]>([]);
  useEffect(() => {
    if (!view) {
      setProblems([]);
      return undefined;
    }
    // Positions move with every keystroke but the list does not show them: it is only set
    // (in a transition, typing must not wait for it) when what it shows changed.
    let shown: readonly PlacedProblem[] | null = null;
    return subscribeProblems(view, (next) => {
      if (shown && sameShown(shown, next)) return;
      shown = next;
      startTransition(() => setProblems(next));
    });
  }, [view]);

  const go = useCallback((problem: PlacedProblem) => {
    const found = view ? current(view, problem) : undefined;
    if (!view || !found) return;
    // Focus first: ProseMirror scrolls to a selection only while the DOM selection is in
    // the editor, and after a click on this panel it is on the button (a problem below the
    // fold was selected but never shown).
    view.focus();
    view.dispatch(selectProblem(view.state, found));
  }, [view]);
  const fix = useCallback((problem: PlacedProblem) => {
    const found = view ? current(view, problem) : undefined;
    const tr = view && found ? fixTransaction(view.state, found) : null;
    if (!view || !tr) return;
    dispatchOwnStep(view.state, view.dispatch, tr);
    view.focus();
  }, [view]);

  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const hints = problems.length - warnings;
  const counts = [warnings > 0 ? t('app:problemsPanel.warningCount', { count: warnings }) : '', hints > 0 ? t('app:problemsPanel.hintCount', { count: hints }) : ''].filter(Boolean).join(', ');
  return (
    <aside className="problems-panel" role="complementary" aria-label={t('app:problemsPanel.styleProblems')}>
      <h2 className="problems-title">
        {t('app:problemsPanel.problems')}{' '}<span className="problems-count">{counts}</span>
        {onCollapse ? <CollapseButton what={t('app:problemsPanel.problemsPanel')} side="end" onCollapse={onCollapse} /> : null}
      </h2>
      {problems.length === 0 ? (
        <p className="problems-empty">{t('app:problemsPanel.noStyleProblems')}</p>
      ) : (
        <p className="problems-keys">
          <kbd>F8</kbd>{' '}{t('app:problemsPanel.nextProblem')}{' '}<kbd>{displayKeys('Mod-.')}</kbd>{' '}{t('app:problemsPanel.fixIt')}
        </p>
      )}
      {problems.length === 0 ? null : (
        <ul className="problems-list">
          {problems.map((problem) => (
            <ProblemRow key={`${problem.rule}-${problem.paragraphId}-${problem.from}-${problem.to}`} problem={problem} onGo={go} onFix={fix} />
          ))}
        </ul>
      )}
    </aside>
  );
});

// Whether two problem lists show the same rows (the rows' keys and what they print).
function sameShown(a: readonly PlacedProblem[], b: readonly PlacedProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.rule === q.rule && p.paragraphId === q.paragraphId && p.from === q.from && p.to === q.to && p.message === q.message && p.severity === q.severity && p.fix?.label === q.fix?.label;
  });
}

/** Props of one problem row: the problem and what its two buttons do. */
export type ProblemRowProps = { problem: PlacedProblem; onGo: (problem: PlacedProblem) => void; onFix: (problem: PlacedProblem) => void };

/**
 * One problem: its place (as the document names it) and what is wrong in the interface
 * language (a button that goes to it) and, when it has a certain fix, a button applying it,
 * labelled in the interface language. Re-renders only when what it shows or the interface
 * language changes, not when typing elsewhere moves the problem's positions (the buttons
 * look the problem up when clicked).
 */
export const ProblemRow = memo(
  function ProblemRow({ problem, onGo, onFix }: ProblemRowProps) {
    const { language } = useT();
    const path = problem.place;
    const text = hintText(problem.hint, language);
    const label = problem.fix ? fixText(problem.fix, language) : '';
    return (
      <li className={`problem problem-${problem.severity}`}>
        <button type="button" className="problem-go" onClick={() => onGo(problem)} title={`${path}: ${text}`}>
          <span className="problem-path">{path}</span> <span className="problem-text">{text}</span>
        </button>
        {problem.fix ? (
          <button type="button" className="button subtle problem-fix" onClick={() => onFix(problem)} aria-label={`${label} (${path})`}>
            {label}
          </button>
        ) : null}
      </li>
    );
  },
  (a, b) => a.onGo === b.onGo && a.onFix === b.onFix && a.problem.message === b.problem.message && a.problem.severity === b.problem.severity && a.problem.fix?.label === b.problem.fix?.label,
);
