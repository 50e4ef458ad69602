/**
 * The renderer's Content-Security-Policy and the headers that carry it. The app loads only
 * its own bundled scripts; inline styles are allowed because React and ProseMirror set
 * style attributes. No eval, no plugins, no framing, no remote connections.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Response headers every renderer response carries (the protocol handler and webRequest add them). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Returns `headers` with our security headers set, replacing any header of the same name
 * whatever its case (a response cannot loosen our CSP). The input is not modified.
 */
export function withSecurityHeaders(
  headers: Readonly<Record<string, string | string[]>> | undefined,
): Record<string, string[]> {
  const ours = new Set(Object.keys(SECURITY_HEADERS).map((name) => name.toLowerCase()));
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!ours.has(name.toLowerCase())) result[name] = Array.isArray(value) ? [...value] : [value];
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) result[name] = [value];
  return result;
}
