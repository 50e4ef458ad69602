import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../electron/files/content-types.js';
import { APP_ENTRY_URL, isAppUrl, resolveAppFile } from '../../../electron/main/app-origin.js';

const root = path.resolve('/srv/penholder/dist/renderer');

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://penholder/assets/index.js?x=1#y')).toBe(true);
    for (const url of [
      'https://penholder/index.html',
      'file:///etc/passwd',
      'app://penholder.evil.example/index.html',
      'app://evil@penholder/index.html',
      'app://penholder@evil/index.html',
      'app://penholder:8080/index.html',
      'app://other/index.html',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('resolveAppFile', () => {
  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://penholder/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://penholder/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://penholder/assets/app%20x.js?v=2')).toBe(path.join(root, 'assets', 'app x.js'));
  });

  it('clamps literal dot segments at the root, as the URL parser does', () => {
    expect(resolveAppFile(root, 'app://penholder/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppFile(root, 'app://penholder/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('refuses encoded traversal, other hosts and malformed paths', () => {
    for (const url of [
      'app://penholder/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://penholder/..%5c..%5cwindows',
      'app://penholder/index.html%00.js',
      'app://penholder/%E0%A4%A',
      'app://other/index.html',
      'https://penholder/index.html',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('never resolves outside the root, whatever the path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('..', '.', '%2e%2e', '%2f', '%5c', 'a', 'assets', '/', '%00', '%', 'é'), { maxLength: 12 }), (parts) => {
        const file = resolveAppFile(root, `app://penholder/${parts.join('')}`);
        return file === null || file.startsWith(root + path.sep);
      }),
    );
  });
});

describe('contentTypeOf', () => {
  it('serves scripts as JavaScript (module scripts need it) and unknown files as bytes', () => {
    expect(contentTypeOf('/x/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('/x/INDEX.HTML')).toMatch(/^text\/html/);
    expect(contentTypeOf('/x/file.unknown')).toBe('application/octet-stream');
  });
});
