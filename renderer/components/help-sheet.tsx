import { useEffect, useRef, useState } from 'react';
import { otherEditorShortcuts, shortcutList } from '../editor/commands/shortcuts.js';
import { negotiationShortcuts } from '../editor/negotiation/negotiation-menu.js';
import { i18n, t as translate, useT } from '../i18n/index.js';
import { howTos } from './help-how-to.js';

/** One line of the help sheet: the keys and what they do, both as shown to people. */
export type HelpShortcut = { keys: string; action: string };

/** The app's own shortcuts (zoom, print, this help) as help-sheet lines on `platform`, shown after the editor's. */
export function appShortcutsOn(platform: KeyPlatform = keyPlatform()): HelpShortcut[] {
  return appKeys.map((s) => ({ keys: s.keys.map((k) => displayKeys(k, platform)).join(' / '), action: translate(`help:app.${s.id}`) }));
}

/** How keys are written: 'mac' as macOS menus do (⌘⌥2), 'pc' as Windows and Linux do (Ctrl+Alt+2). */
export type KeyPlatform = 'mac' | 'pc';

/** The platform of this renderer, from the browser's own reports: 'mac' when navigator.platform or userAgentData says macOS or iOS. */
export function keyPlatform(): KeyPlatform {
  if (typeof navigator === 'undefined') return 'pc';
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return /Mac|iPhone|iPad/i.test(`${navigator.platform} ${data?.platform ?? ''}`) ? 'mac' : 'pc';
}

const arrows: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };
const macModifiers: Readonly<Record<string, string>> = { Mod: '⌘', Meta: '⌘', Cmd: '⌘', Ctrl: '⌃', Control: '⌃', Alt: '⌥', Option: '⌥', Shift: '⇧' };
const pcModifiers: Readonly<Record<string, string>> = { Mod: 'Ctrl', Control: 'Ctrl', Meta: 'Win' };
const macOrder = ['⌃', '⌥', '⇧', '⌘'];

/**
 * ProseMirror key notation for people, in the platform's words: "Mod-Alt-2" is "Ctrl+Alt+2"
 * on Windows and Linux and "⌥⌘2" on macOS (modifiers as Apple's menus write them: ⌃⌥⇧⌘ in
 * that order, no "+"); "Alt-ArrowUp" is "Alt+↑" / "⌥↑"; a key alone stays as it is ("F8").
 */
export function displayKeys(keys: string, platform: KeyPlatform = keyPlatform()): string {
  const parts = keys.split(/-(?!$)/);
  const key = parts[parts.length - 1] ?? '';
  const shown = arrows[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  const modifiers = parts.slice(0, -1);
  if (platform === 'mac') {
    const glyphs = modifiers.map((m) => macModifiers[m] ?? m).sort((a, b) => macOrder.indexOf(a) - macOrder.indexOf(b));
    return `${glyphs.join('')}${shown}`;
  }
  return [...modifiers.map((m) => pcModifiers[m] ?? m), shown].join('+');
}

// Key combinations written in ProseMirror notation inside a sentence ("Mod-Alt-2 the second").
const notation = /\b(?:Mod|Alt|Shift|Ctrl|Meta)(?:-(?:Mod|Alt|Shift|Ctrl|Meta))*-(?:Arrow(?:Up|Down|Left|Right)|F\d{1,2}|[A-Za-z0-9.,/])(?![\w-])/g;

/** `text` with every ProseMirror key notation in it written as `displayKeys` shows it. */
export function platformWords(text: string, platform: KeyPlatform = keyPlatform()): string {
  return text.replace(notation, (keys) => displayKeys(keys, platform));
}

/** The shortcuts of the app itself (the page and this sheet), in ProseMirror notation, shown after the editor's own; `id` names the action in the help catalogue (help:app.<id>). */
const appKeys: readonly { keys: readonly string[]; id: string }[] = [
  { keys: ['Mod-+', 'Mod--'], id: 'zoom' },
  { keys: ['Mod-0'], id: 'zoomReset' },
  { keys: ['Mod-p'], id: 'print' },
  { keys: ['Mod-Shift-f'], id: 'focus' },
  { keys: ['Mod-Shift-p'], id: 'projector' },
  { keys: ['F1', 'Mod-/'], id: 'help' },
  { keys: ['Esc'], id: 'close' },
];

/** The editor's shortcuts (structure first, then quick fix, history and completion, then the facilitator's negotiation actions) as help-sheet lines on `platform`. */
export function editorShortcutsOn(platform: KeyPlatform = keyPlatform()): HelpShortcut[] {
  const lists = [
    ['structure', shortcutList],
    ['other', otherEditorShortcuts],
    ['negotiation', negotiationShortcuts],
  ] as const;
  return lists.flatMap(([list, shortcuts]) => shortcuts.map((s) => ({ keys: displayKeys(s.keys, platform), action: platformWords(shortcutDescription(list, s), platform) })));
}

// The editor's descriptions are written in English beside their keys (editor/commands); the
// help catalogue holds them per list and keys (help:editorKeys.<list>.<keys>). A translation
// is used only while its English entry still matches the description, so a description
// changed in the editor shows in English rather than a stale translation.
function shortcutDescription(list: string, s: { keys: string; description: string }): string {
  const key = `help:editorKeys.${list}.${s.keys.replace(/\./g, 'dot')}`;
  const english = i18n.getFixedT('en')(key, { defaultValue: '' });
  return english === s.description ? translate(key) : s.description;
}

/** The editor's shortcuts on this renderer's platform (`editorShortcutsOn(keyPlatform())`). */
export const editorShortcuts: readonly HelpShortcut[] = editorShortcutsOn();

/** The app's own shortcuts on this renderer's platform (`appShortcutsOn(keyPlatform())`), in the interface language at start. */
export const appShortcuts: readonly HelpShortcut[] = appShortcutsOn();

/** True for the keys that open the help sheet: F1 and Mod-/. */
export function isHelpKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.key === 'F1' || (event.key === '/' && (event.ctrlKey || event.metaKey) && !event.altKey);
}

/** Props of the help button: the shortcuts to list before the app's own (the editor's by default). */
export type HelpButtonProps = { shortcuts?: readonly HelpShortcut[] };

/**
 * A "?" button and the help sheet it opens: a modal dialog that starts with a short how-to
 * per role (draft, negotiate, host, join; help-how-to.ts) and then lists the keyboard
 * shortcuts, every key in the platform's words (Ctrl+Alt+2, or ⌥⌘2 on macOS). F1 and Mod-/
 * open it from anywhere in the app, always scrolled to the top with the title focused; Esc
 * or Close shuts it and focus returns to where it was.
 */
export function HelpButton({ shortcuts }: HelpButtonProps) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const platform = keyPlatform();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      // showModal focuses the first button, the Close button at the very end: the sheet
      // would open scrolled to the bottom. The title takes the focus instead.
      title.current?.focus({ preventScroll: true });
      el.scrollTop = 0;
    }
    if (!open && el.open) el.close();
  }, [open]);
  const rows = [...(shortcuts ?? editorShortcutsOn(platform)), ...appShortcutsOn(platform)];
  const label = t('help:buttonTitle', { keys: t('help:keysOr', { keys: platform === 'mac' ? '⌘/' : 'Ctrl+/' }) });
  return (
    <>
      <button type="button" className="button subtle help-button" aria-label={t('help:title')} title={label} onClick={() => setOpen(true)}>
        ?
      </button>
      <dialog ref={dialog} className="dialog help-sheet" aria-labelledby="help-sheet-title" onClose={() => setOpen(false)}>
        <h2 id="help-sheet-title" ref={title} tabIndex={-1} style={{ outline: 'none' }}>
          {t('help:title')}
        </h2>
        {howTos().map((howTo) => (
          <section key={howTo.id} className="help-how-to" aria-labelledby={`help-how-to-${howTo.id}`}>
            <h3 id={`help-how-to-${howTo.id}`} style={{ margin: '14px 0 2px', fontSize: 15 }}>
              {howTo.title}
            </h3>
            <p className="dialog-lead" style={{ margin: '0 0 4px' }}>
              {howTo.who}
            </p>
            <ol style={{ margin: 0, paddingLeft: 22, lineHeight: 1.45 }}>
              {howTo.steps.map((step) => (
                <li key={step}>{platformWords(step, platform)}</li>
              ))}
            </ol>
          </section>
        ))}
        <h3 id="help-shortcuts-title" style={{ margin: '20px 0 6px', fontSize: 15 }}>
          {t('help:shortcuts')}
        </h3>
        <table className="shortcut-table" aria-labelledby="help-shortcuts-title">
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.keys}-${row.action}`}>
                <th scope="row">
                  <kbd>{row.keys}</kbd>
                </th>
                <td>{row.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button type="button" className="button primary" onClick={() => setOpen(false)}>
            {t('common:close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
