import { useEffect } from 'react';

/**
 * True for the print shortcut: Ctrl+P (Cmd+P on macOS), without Alt or Shift (Ctrl+Shift+P
 * stays free for other uses). Caps Lock's uppercase P counts too.
 */
export function isPrintKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p';
}

/**
 * Ctrl/Cmd+P prints the document page (the print stylesheet, styles/print.css, hides the
 * app's chrome), taken over from the browser's own print so the app decides what prints;
 * active while the calling component is mounted.
 */
export function usePrintKey(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPrintKey(event)) return;
      event.preventDefault();
      window.print();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
