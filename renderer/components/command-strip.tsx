import { useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { BarMenu } from './bar-menu.js';
import type { BarMenuItem } from './bar-menu.js';
import { t } from '../i18n/index.js';

/** A toolbar button of the strip that is (partly) scrolled out of view, as the "More" menu lists it. */
export type HiddenCommand = {
  /** The button's toolbar and command, "Editing/undo": unique across the strip's toolbars. */
  key: string;
  /** The toolbar's name (aria-label), to group the entries. */
  toolbar: string;
  label: string;
  /** The shortcut as shown in the button's tooltip ("Ctrl+Alt+B") and as aria-keyshortcuts. */
  shown: string;
  aria: string;
  disabled: boolean;
};

// A button counts as in view when this much of it shows: sub-pixel edges are not "hidden".
const inView = 0.98;

const keyOf = (button: Element): string =>
  `${button.closest('[role="toolbar"]')?.getAttribute('aria-label') ?? ''}/${button.getAttribute('data-command') ?? button.textContent ?? ''}`;

/**
 * What the "More" menu shows for `button` (a toolbar button): its label (aria-label, else
 * its tooltip's name), and its shortcut out of its tooltip "Label (Keys)".
 */
export function hiddenCommand(button: Element): HiddenCommand {
  const tooltip = /^(.*) \(([^()]*)\)$/.exec(button.getAttribute('title') ?? '');
  return {
    key: keyOf(button),
    toolbar: button.closest('[role="toolbar"]')?.getAttribute('aria-label') ?? '',
    label: button.getAttribute('aria-label') ?? tooltip?.[1] ?? button.textContent ?? '',
    shown: tooltip?.[2] ?? '',
    aria: button.getAttribute('aria-keyshortcuts') ?? '',
    disabled: button.getAttribute('aria-disabled') === 'true' || button.hasAttribute('disabled'),
  };
}

/**
 * The toolbar buttons inside `scroller` that are not (fully) in its view, in toolbar order,
 * following the scroll, the window's size, buttons coming and going (the "choose" buttons)
 * and what is enabled. A button cut by the row's edge is marked `data-clipped`.
 */
export function useHiddenCommands(scroller: RefObject<HTMLElement | null>): readonly HiddenCommand[] {
  const [hidden, setHidden] = useState<readonly HiddenCommand[]>([]);
  useEffect(() => {
    const root = scroller.current;
    if (!root || typeof IntersectionObserver !== 'function') return undefined;
    const out = new Set<Element>();
    let signature = '';
    const publish = () => {
      const list = [...root.querySelectorAll('.toolbar-button')].filter((b) => out.has(b)).map(hiddenCommand);
      const next = JSON.stringify(list);
      if (next === signature) return;
      signature = next;
      setHidden(list);
    };
    const intersections = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting && entry.intersectionRatio >= inView) out.delete(entry.target);
          else out.add(entry.target);
          // A button cut by the row's edge ("Alternat") is not drawn (see responsive.css): it is in "More".
          entry.target.toggleAttribute('data-clipped', entry.isIntersecting && entry.intersectionRatio < inView);
        }
        publish();
      },
      { root, threshold: [0, inView, 1] },
    );
    const observed = new Set<Element>();
    const track = () => {
      const buttons = new Set(root.querySelectorAll('.toolbar-button'));
      for (const b of observed) {
        if (buttons.has(b)) continue;
        intersections.unobserve(b);
        observed.delete(b);
        out.delete(b);
      }
      for (const b of buttons) {
        if (observed.has(b)) continue;
        intersections.observe(b);
        observed.add(b);
      }
      publish();
    };
    const mutations = new MutationObserver(track);
    mutations.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-disabled', 'disabled', 'aria-label', 'title'] });
    track();
    return () => {
      mutations.disconnect();
      intersections.disconnect();
    };
  }, [scroller]);
  return hidden;
}

/** Props of the command strip: the toolbars it holds. */
export type CommandStripProps = { children: ReactNode };

/**
 * The editing and negotiation toolbars. On a tall window they are two rows, as they always
 * were; where the window is short (compact.css) they share one row that scrolls sideways,
 * and a "More" menu at its end lists every command scrolled out of view, with its label and
 * shortcut: choosing one presses that very button, so the command runs exactly as from the
 * toolbar. Keyboard users reach every button in the toolbars themselves (the focused one
 * scrolls into view) or through the menu.
 */
export function CommandStrip({ children }: CommandStripProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const hidden = useHiddenCommands(scroller);
  const items: BarMenuItem[] = hidden.map((command, i) => ({
    key: command.key,
    label: command.label,
    disabled: command.disabled,
    groupStart: i > 0 && hidden[i - 1]?.toolbar !== command.toolbar,
    shortcut: command.shown ? { shown: command.shown, aria: command.aria } : undefined,
    onSelect: () => {
      const button = [...(scroller.current?.querySelectorAll<HTMLButtonElement>('.toolbar-button') ?? [])].find((b) => keyOf(b) === command.key);
      button?.click();
    },
  }));
  return (
    <div className="command-strip">
      <div
        ref={scroller}
        className="command-scroller"
        // A mouse wheel scrolls the row sideways: it has nothing to scroll up and down.
        onWheel={(event) => {
          const row = event.currentTarget;
          if (event.deltaX === 0 && event.deltaY !== 0 && row.scrollWidth > row.clientWidth) row.scrollLeft += event.deltaY;
        }}
      >
        {children}
      </div>
      <div className="command-more">
        <BarMenu label={t('app:commandStrip.more')} items={items} />
      </div>
    </div>
  );
}
