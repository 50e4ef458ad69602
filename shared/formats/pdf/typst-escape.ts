/**
 * Escaping for the Typst source the PDF writer builds: every piece of user text enters
 * the source as a Typst string literal, never as markup, so `#`, `$`, `*`, `_`, `` ` ``,
 * `<`, `@`, `\`, `//`, `]` and the rest are printed as they are and no code runs.
 */

// Control characters (and the line separators Typst treats as newlines) as \u{..} escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const special = /[\\"\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/**
 * `text` as a Typst string literal: `"..."` with `\` and `"` escaped and control
 * characters written as `\u{hex}`. Valid in code and, after `#`, in markup.
 */
export function typstString(text: string): string {
  return `"${text.replace(special, (c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : `\\u{${c.charCodeAt(0).toString(16)}}`))}"`;
}

/**
 * `text` as a piece of Typst markup that prints it literally: an embedded string
 * expression ended by `;` (so a following `.` or `(` cannot continue it). '' for ''.
 */
export function typstText(text: string): string {
  return text === '' ? '' : `#${typstString(text)};`;
}

/** A Typst content block `[...]` holding `markup` (already escaped markup). */
export function contentBlock(markup: string): string {
  return `[${markup}]`;
}
