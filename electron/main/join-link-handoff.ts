import { parseJoinLink, formatJoinLink } from '../../shared/consultation/join-link.js';
import { APP_ENTRY_URL } from './app-origin.js';

/**
 * `penholder://join?...` links from the operating system, free of Electron so it runs under
 * Node in tests. The OS hands a link to the app three ways: in the command line of the first
 * launch (Windows, Linux), in the command line of a second launch that the single-instance
 * lock turns into 'second-instance' (Windows, Linux), and as 'open-url' (macOS). Each ends as
 * the app page loaded with `#join=<link>`, which opens the join dialog filled in; nothing is
 * joined until the person presses Join there.
 */

/** The URL scheme the app registers with the operating system. */
export const JOIN_SCHEME = 'penholder';

// An argument longer than this is not a join link; the dialog is still told, so it can say so.
const MAX_ARGUMENT = 16 * 1024;

/**
 * The first `penholder:` argument of a command line (case-insensitive), cut to 16 KB, or
 * null. Other arguments (the executable, flags, a file to open) are ignored.
 */
export function joinLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (typeof arg === 'string' && /^\s*<?penholder:/i.test(arg.slice(0, 64))) return arg.slice(0, MAX_ARGUMENT);
  }
  return null;
}

/**
 * The app page to load for a link from the OS: a valid join link is written back in its
 * canonical form (so the page gets exactly the contract's link), anything else is passed as
 * received (cut to 16 KB) for the dialog to refuse in words.
 */
export function appUrlForJoinLink(link: string): string {
  let handed = link.slice(0, MAX_ARGUMENT);
  try {
    handed = formatJoinLink(parseJoinLink(link));
  } catch {
    // Refused in the join dialog, where the person sees why.
  }
  return `${APP_ENTRY_URL}#join=${encodeURIComponent(handed)}`;
}

/** What the handoff needs from the shell: whether a window is open, and showing a URL in it (or in a new one). */
export type JoinLinkTarget = {
  /** Loads `url` in the first open window (a same-page navigation: only the hash changes) and focuses it; false when none is open. */
  showInOpenWindow(url: string): boolean;
  /** Opens a new window on `url`. */
  openWindow(url: string): void;
};

/**
 * Returns `receive(link)`: before the app is ready, links are kept (the last one wins) and
 * `takePending()` gives the entry URL the first window opens with; once `ready()` was
 * called, a link goes to the open window, or a new one when all were closed (macOS).
 */
export function createJoinLinkHandoff(target: JoinLinkTarget) {
  let pending: string | null = null;
  let isReady = false;
  return {
    receive(link: string): void {
      if (!isReady) {
        pending = link;
        return;
      }
      const url = appUrlForJoinLink(link);
      if (!target.showInOpenWindow(url)) target.openWindow(url);
    },
    /** The URL the first window should load: the app entry, with the link that arrived before it, if any. */
    takePending(): string {
      const url = pending === null ? APP_ENTRY_URL : appUrlForJoinLink(pending);
      pending = null;
      return url;
    },
    ready(): void {
      isReady = true;
    },
  };
}
