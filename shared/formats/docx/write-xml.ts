/**
 * The one escaping function of the Word writer and the namespaces its parts declare. Every
 * text and attribute value that reaches a part of the package goes through `esc`.
 */

/** The WordprocessingML main namespace, prefix `w`. */
export const wNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The relationships namespace used inside parts, prefix `r`. */
export const rNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The XML declaration every part starts with. */
export const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot hold at all (C0 controls but tab, newline and return; U+FFFE/F;
// lone surrogates). The seam marker U+0000 of the clean view is one of them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` escaped for element content and attribute values (`&`, `<`, `>`, `"`, `'`), with
 * the characters XML 1.0 cannot represent removed.
 */
export function esc(text: string): string {
  return text
    .replace(invalid, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
