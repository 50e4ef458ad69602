import { describe, expect, it } from 'vitest';
import { appUrlForJoinLink, createJoinLinkHandoff, joinLinkFromArgv } from '../../../electron/main/join-link-handoff.js';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/app-origin.js';
import { formatJoinLink } from '../../../shared/consultation/join-link.js';
import { joinLinkFromHash } from '../../../renderer/components/consultation-join-link.js';

const link = formatJoinLink({ url: 'wss://192.168.1.20:4455', code: 'K7QM-2XV9-PZR4-LW8N-C3TB', fingerprint: '3f2a9c1b'.repeat(8) });

describe('join links from the operating system', () => {
  it('finds the link in a command line (Windows, Linux) among the executable and flags', () => {
    expect(joinLinkFromArgv(['/opt/Penholder/penholder', '--no-sandbox', link])).toBe(link);
    expect(joinLinkFromArgv(['C:\\Penholder.exe', '--allow-file-access', `PENHOLDER://join?x`])).toBe('PENHOLDER://join?x');
    expect(joinLinkFromArgv(['/usr/bin/electron', '.', '--inspect'])).toBeNull();
    expect(joinLinkFromArgv(['x', `penholder://${'a'.repeat(100_000)}`])?.length).toBe(16 * 1024);
  });

  it('hands the page the canonical link in the hash, which the page reads back', () => {
    const url = appUrlForJoinLink(` <${link}> `);
    expect(url.startsWith(`${APP_ENTRY_URL}#join=`)).toBe(true);
    expect(isAppUrl(url)).toBe(true);
    expect(joinLinkFromHash(new URL(url).hash)).toBe(link);
    // A link that is not one is passed as received, so the dialog can say what is wrong.
    const bad = 'penholder://join?url=ws%3A%2F%2Fx&code=1';
    expect(joinLinkFromHash(new URL(appUrlForJoinLink(bad)).hash)).toBe(bad);
    // Whatever the link holds, the page stays on the app origin.
    expect(isAppUrl(appUrlForJoinLink('penholder://join#@evil.example/?x=y'))).toBe(true);
  });

  it('keeps a link that arrives before the window, then sends later ones to the open window or a new one', () => {
    const shown: string[] = [];
    const opened: string[] = [];
    let windowOpen = true;
    const handoff = createJoinLinkHandoff({ showInOpenWindow: (url) => (windowOpen ? (shown.push(url), true) : false), openWindow: (url) => void opened.push(url) });
    handoff.receive('penholder://join?first');
    handoff.receive(link);
    expect(shown).toEqual([]);
    expect(handoff.takePending()).toBe(appUrlForJoinLink(link));
    expect(handoff.takePending()).toBe(APP_ENTRY_URL);
    handoff.ready();
    handoff.receive(link);
    expect(shown).toEqual([appUrlForJoinLink(link)]);
    windowOpen = false;
    handoff.receive(link);
    expect(opened).toEqual([appUrlForJoinLink(link)]);
  });
});
