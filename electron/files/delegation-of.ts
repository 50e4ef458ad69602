import { findDelegation } from '../../seeds/index.js';

/**
 * The delegation code a Word change author names, or null: the author as a delegation code
 * or name ("CAN", "Canada", "Iran"), a code in parentheses or brackets ("Ana Pereira (BRA)"),
 * or a name after "Delegation of" / "Mission of" ("Permanent Mission of Brazil").
 */
export function delegationOfAuthor(author: string): string | null {
  const text = author.trim();
  if (text === '') return null;
  const candidates = [text];
  const code = /[([]\s*([A-Za-z0-9]{2,6})\s*[)\]]\s*$/.exec(text)?.[1];
  if (code) candidates.push(code);
  const named = /\b(?:delegation|mission)\s+of\s+(?:the\s+)?(.+)$/i.exec(text)?.[1];
  if (named) candidates.push(named);
  for (const c of candidates) {
    const found = findDelegation(c);
    if (found) return found.code;
  }
  return null;
}
