import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWindowClose, type GuardedWindow } from '../../../electron/main/close-guard.js';

// A stand-in for Electron's BrowserWindow (not available on this machine): 'close' can be
// prevented, close() emits it again, and the page's flush resolves when the test says so.
class FakeWindow extends EventEmitter {
  destroyed = false;
  closes = 0;
  scripts: string[] = [];
  finishFlush: () => void = () => undefined;
  readonly webContents = Object.assign(new EventEmitter(), {
    executeJavaScript: (code: string) => {
      this.scripts.push(code);
      return new Promise<unknown>((resolve) => {
        this.finishFlush = () => resolve(true);
      });
    },
  });
  close(): void {
    this.closes += 1;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const asGuarded = (w: FakeWindow) => w as unknown as GuardedWindow;
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('guardWindowClose', () => {
  it('holds the close until the page flushed its pending updates, then closes once', async () => {
    const window = new FakeWindow();
    guardWindowClose(asGuarded(window), () => false);
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.scripts).toHaveLength(1);
    expect(window.scripts[0]).toContain('penholderFlush');
    window.close(); // a second click while flushing does not start a second flush
    expect(window.scripts).toHaveLength(1);
    window.finishFlush();
    await tick();
    expect(window.isDestroyed()).toBe(true);
  });

  it('closes anyway when the page does not answer in time', async () => {
    const window = new FakeWindow();
    guardWindowClose(asGuarded(window), () => false, 30);
    window.close();
    await tick(60);
    expect(window.isDestroyed()).toBe(true);
  });

  it('lets the person decide when the page still objects to unloading', () => {
    const window = new FakeWindow();
    const answers = [false, true];
    guardWindowClose(asGuarded(window), () => answers.shift() ?? false);
    const ask = () => {
      let overridden = false;
      window.webContents.emit('will-prevent-unload', { preventDefault: () => (overridden = true) });
      return overridden;
    };
    expect(ask()).toBe(false); // "Keep the window open"
    expect(ask()).toBe(true); // "Close and lose them"
  });
});
