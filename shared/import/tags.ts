/**
 * Attribution tags of compilation texts: the parenthesis after bracketed text saying who
 * proposed it, `(EU, CAN)`, `(G77 and China)`, `(RUS: delete)`. Only delegations of
 * seeds/delegations.json (codes or names, groups included) make a tag, so ordinary
 * parentheses such as "(a)", "(2015)" or "(A/79/L.5)" stay text.
 */
import { findDelegation } from '../../seeds/index.js';

/** A tag read: delegation codes in the order written, and whether it proposes a deletion. */
export type Tag = { codes: string[]; deletion: boolean };

// How compilation texts name groups whose seed name differs ("Group of 77 and China").
const aliases: ReadonlyMap<string, { code: string }> = new Map([
  ['G77 AND CHINA', { code: 'G77' }],
  ['G-77 AND CHINA', { code: 'G77' }],
  ['G-77', { code: 'G77' }],
  ['G 77', { code: 'G77' }],
]);

const deleteWord = /^(?:delete|deletion|del\.?)$/i;

/**
 * The tag in `inner` (the text between the parentheses), or null when it is not one:
 * every item must be a known delegation, except a "delete" before or after them
 * ("RUS: delete", "delete: RUS", "RUS delete", or "delete" alone).
 */
export function readTag(inner: string): Tag | null {
  let text = inner.trim();
  let deletion = false;
  const trailing = /(?:\s*[:\-–]\s*|\s+)(?:delete|deletion)$/i.exec(text);
  const leading = /^(?:delete|deletion)(?:\s*[:\-–]\s*|\s+)/i.exec(text);
  if (deleteWord.test(text)) return { codes: [], deletion: true };
  if (trailing) {
    deletion = true;
    text = text.slice(0, trailing.index);
  } else if (leading) {
    deletion = true;
    text = text.slice(leading[0].length);
  }
  if (text === '' || text.length > 400) return null;
  const whole = aliases.get(text.toUpperCase().replace(/\s+/g, ' ')) ?? findDelegation(text);
  if (whole) return { codes: [whole.code], deletion };
  const codes: string[] = [];
  for (const item of text.split(/\s*[,;/]\s*/)) {
    const found = aliases.get(item.toUpperCase().replace(/\s+/g, ' ')) ?? findDelegation(item);
    if (found) {
      codes.push(found.code);
      continue;
    }
    // "EU and CAN": split on "and" only when the item as a whole is no delegation's name.
    const parts = item.split(/\s+(?:and|&)\s+/);
    if (parts.length < 2) return null;
    for (const part of parts) {
      const delegation = findDelegation(part);
      if (!delegation) return null;
      codes.push(delegation.code);
    }
  }
  return codes.length > 0 ? { codes: [...new Set(codes)], deletion } : null;
}

/**
 * A tag at the very end of `text` (after optional spaces): the tag and `text` without it
 * (and without the spaces before it), or null. A parenthesis right after the full name of
 * its one delegation ("the African Union (AU)") defines an acronym and is no tag.
 */
export function tagAtEnd(text: string): { tag: Tag; rest: string } | null {
  const end = text.trimEnd();
  if (!end.endsWith(')')) return null;
  // Only the last 402 characters can hold a tag: never scan further back for its "(".
  const tail = end.slice(-402);
  const at = tail.lastIndexOf('(');
  const open = at < 0 ? -1 : end.length - tail.length + at;
  if (open < 0 || end.slice(open + 1, -1).includes(')')) return null;
  const tag = readTag(end.slice(open + 1, -1));
  const rest = end.slice(0, open).trimEnd();
  return tag && !definesAcronym(rest, tag) ? { tag, rest } : null;
}

// "the African Union (AU)" introduces an acronym, it does not attribute the text to AU.
function definesAcronym(before: string, tag: Tag): boolean {
  if (tag.codes.length !== 1 || tag.deletion) return false;
  const name = findDelegation(tag.codes[0] ?? '')?.name ?? '';
  return name !== '' && before.toLowerCase().endsWith(name.toLowerCase());
}

/**
 * A tag at the very start of `text` (after at most one space): the tag and the length
 * it takes, or null. Used for `[text] (EU, CAN)`, the tag written after the bracket.
 */
export function tagAtStart(text: string): { tag: Tag; length: number } | null {
  const match = /^ ?\(([^()]{1,400})\)/.exec(text);
  if (!match) return null;
  const tag = readTag(match[1] ?? '');
  return tag ? { tag, length: match[0].length } : null;
}
