import { t } from '../i18n/index.js';
/**
 * The pieces of a panel group folded to its icon rail: the glyph each group shows on its
 * rail button, and the button in a docked group that folds it there.
 */

/** The panel groups that fold to a rail. */
export type RailGroup = 'documents' | 'outline' | 'side' | 'problems';

/** The glyph on each group's rail button: shapes from the UI fonts (DejaVu, Noto), no emoji. */
export const railIcons: Readonly<Record<RailGroup, string>> = {
  documents: '▤',
  outline: '☰',
  side: '▥',
  problems: '⚠',
};

/** Props of the fold button: what it folds (in words, for its name) and the fold itself. */
export type CollapseButtonProps = { what: string; side: 'start' | 'end'; onCollapse: () => void };

/**
 * The small button in a docked group's heading that folds the group to its rail (the page
 * gets the room); the rail's button opens it again. Its name says what it folds.
 */
export function CollapseButton({ what, side, onCollapse }: CollapseButtonProps) {
  const name = t('app:iconRail.foldTheToThe', { what });
  return (
    <button type="button" className={`panel-collapse panel-collapse-${side}`} aria-label={name} title={name} onClick={onCollapse}>
      {side === 'start' ? '‹' : '›'}
    </button>
  );
}
