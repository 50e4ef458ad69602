import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import '../styles/bar-menu.css';

/**
 * One entry of a document-bar menu. `checked` makes it a menuitemcheckbox (a panel or mode
 * that is on or off); `keepOpen` leaves the menu open after it is chosen (zoom steps).
 */
export type BarMenuItem = {
  key: string;
  label: string;
  onSelect: () => void;
  checked?: boolean;
  disabled?: boolean;
  title?: string;
  keepOpen?: boolean;
  /** Starts a new group: a separator is drawn above the item. */
  groupStart?: boolean;
  /** A keyboard shortcut shown at the entry's end: `shown` as read ("Ctrl+Alt+B"), `aria` for aria-keyshortcuts. */
  shortcut?: { shown: string; aria: string };
};

/** Props of a document-bar menu: the button's text and the entries (an empty list hides the menu). */
export type BarMenuProps = { label: string; items: readonly BarMenuItem[]; badge?: string };

/**
 * A menu button of the document bar ("Negotiation ▾"): a button with aria-haspopup="menu"
 * that opens a role="menu" list. Down / Up / Home / End move between the entries, Enter and
 * Space choose one, Escape closes the menu and returns focus to the button, Tab or a click
 * outside closes it. `badge` is a short visible note beside the label (the zoom when not 100%).
 */
export function BarMenu({ label, items, badge }: BarMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const entries = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as globalThis.Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  // Focus follows the active entry while the menu is open.
  useEffect(() => {
    if (open) entries.current[active]?.focus();
  }, [open, active]);

  if (items.length === 0) return null;
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);
  const first = enabled[0] ?? 0;
  const last = enabled[enabled.length - 1] ?? 0;
  const step = (from: number, direction: 1 | -1): number => {
    const order = direction > 0 ? enabled : [...enabled].reverse();
    return order.find((i) => (direction > 0 ? i > from : i < from)) ?? (direction > 0 ? first : last);
  };
  const show = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (item: BarMenuItem) => {
    if (item.disabled) return;
    if (!item.keepOpen) close(true);
    item.onSelect();
  };

  const onButtonKey = (event: ReactKeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? first : last);
    }
  };
  const onMenuKey = (event: ReactKeyboardEvent) => {
    const moves: Record<string, () => number> = { ArrowDown: () => step(active, 1), ArrowUp: () => step(active, -1), Home: () => first, End: () => last };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="bar-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button subtle bar-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(first))}
        onKeyDown={onButtonKey}
      >
        {label}
        {badge ? <span className="bar-menu-badge">{badge}</span> : null}
        <span className="bar-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <div className="bar-menu-list" role="menu" id={menuId} aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <button
              key={item.key}
              ref={(el) => {
                entries.current[i] = el;
              }}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.checked}
              aria-disabled={item.disabled || undefined}
              className={item.groupStart && i > 0 ? 'bar-menu-item bar-menu-group' : 'bar-menu-item'}
              tabIndex={i === active ? 0 : -1}
              title={item.title}
              aria-keyshortcuts={item.shortcut?.aria}
              onClick={() => choose(item)}
              onMouseEnter={() => !item.disabled && setActive(i)}
            >
              <span className="bar-menu-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
              {item.label}
              {item.shortcut ? (
                <span className="bar-menu-keys" aria-hidden="true">
                  {item.shortcut.shown}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
