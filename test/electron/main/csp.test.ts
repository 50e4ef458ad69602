import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withSecurityHeaders } from '../../../electron/main/csp.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
}

describe('the Content-Security-Policy', () => {
  it('allows only our own scripts, no eval, no plugins, no framing', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });
});

describe('withSecurityHeaders', () => {
  it('replaces a looser CSP whatever its case and keeps other headers', () => {
    const input = { 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html', 'x-content-type-options': 'sniff' };
    const output = withSecurityHeaders(input);
    expect(output).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      'X-Content-Type-Options': ['nosniff'],
    });
    expect(input['content-security-policy']).toEqual(['default-src *']);
  });

  it('adds the headers to a response that has none', () => {
    expect(Object.keys(withSecurityHeaders(undefined)).sort()).toEqual(['Content-Security-Policy', 'X-Content-Type-Options']);
  });
});
