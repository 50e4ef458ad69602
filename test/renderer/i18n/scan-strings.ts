import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * A static scan of the renderer's sources for interface text: JSX text with letters, string
 * props that read as words (title, aria-label, placeholder, a component's label props), and
 * sentence-like string literals in code (alerts, notices, errors composed in the renderer);
 * and every `t('ns:key')` key used. Used by strings.test.ts.
 */

/** One place where interface text is written in the code instead of a catalogue. */
export type Literal = { file: string; line: number; text: string };
/** One translation key used in the code (`dynamic` for a template key: its fixed prefix). */
export type KeyUse = { file: string; line: number; key: string; dynamic: boolean; hasCount: boolean };

// Non-words that may stay in the markup: symbols, the UN's own abbreviations of paragraph
// kinds shown as codes, and keyboard key names.
const allowedText = new Set(['×', '…', '·', '—', '–', '→', '←', '↑', '↓', '+', '−', '/', '|', '¶', '§', '✓', '✕', '▾', '▸', '⋯', '%', 'OP', 'PP', 'Esc', 'Ctrl', 'Shift', 'Alt', 'Tab', 'Enter', 'Meta', 'Control', 'Escape', 'Backspace', 'Delete', 'Home', 'End', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Space', 'QR', 'ID', 'OK', 'PDF', 'DOCX', 'AKN', 'Rev.', 'L.', 'bis', 'ter']);

// Attributes whose value is never shown as text.
const technicalAttributes = /^(className|id|htmlFor|key|role|type|name|lang|dir|href|src|rel|target|style|value|defaultValue|autoComplete|inputMode|enterKeyHint|accept|pattern|method|form|d|viewBox|points|transform|fill|stroke|xmlns|aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-activedescendant|aria-live|aria-haspopup|aria-current|aria-autocomplete|aria-relevant|aria-sort|aria-orientation|data-[\w-]+|testId|kind|mode|variant|icon|shortcut|keys|align|side|placement|tone|size|spellCheck|wrap)$/;

/** True when `text` reads as words a user sees (letters, not an allowed non-word). */
export function isWordText(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '' || allowedText.has(trimmed)) return false;
  return /\p{L}{2,}/u.test(trimmed) && !trimmed.split(/[\s,]+/).every((w) => allowedText.has(w) || !/\p{L}{2,}/u.test(w));
}

// A literal in code that reads as a sentence or a label: starts with a capital and has a
// second word, e.g. 'Could not save the file.' (CSS selectors, ids and key names do not).
const sentence = /^[\p{Lu}][\p{Ll}’']+[,:]?\s+[\p{L}‘’'“"(]/u;

/** All .ts/.tsx files under `dir`, recursively, relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(path.join(root, d), { withFileTypes: true })) {
      const rel = path.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('vite.config.ts')) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

// Object properties whose string is shown to people (menu items, toolbar buttons, options).
const shownProperties = /^(label|title|description|detail|text|face|placeholder|ariaLabel|message|tooltip|hint|heading|caption|action|summary)$/;

// True when a string literal ends up as a JSX child, through ?:, && and || ({busy ? 'Saving…' : 'Save'}).
function isJsxChild(node: ts.Node): boolean {
  let at: ts.Node = node;
  while (at.parent && (ts.isConditionalExpression(at.parent) || ts.isBinaryExpression(at.parent) || ts.isParenthesizedExpression(at.parent))) {
    if (ts.isConditionalExpression(at.parent) && at.parent.condition === at) return false;
    at = at.parent;
  }
  return !!at.parent && ts.isJsxExpression(at.parent) && !ts.isJsxAttribute(at.parent.parent);
}

// True when a string literal is a value a helper hands on: returned (`return 'Editing'`, an
// arrow's body), a branch of ?: or the fallback of || / ?? (`label ?? 'Untitled'`), followed up
// through parentheses and nested conditionals, into a variable, JSX or a template's substitution
// (`${peer.name || 'Someone'}`). Such values end up shown more often than not.
function isHandedOn(node: ts.Node): boolean {
  let at: ts.Node = node;
  for (;;) {
    const parent = at.parent;
    if (!parent) return false;
    if (ts.isParenthesizedExpression(parent)) at = parent;
    else if (ts.isConditionalExpression(parent) && parent.condition !== at) at = parent;
    else if (ts.isBinaryExpression(parent) && parent.right === at && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) at = parent;
    else return ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === at) || (at !== node && (ts.isVariableDeclaration(parent) || ts.isJsxExpression(parent) || ts.isTemplateSpan(parent)));
  }
}

// The words of a template literal with each substitution as 'X': "Choose X (X)".
const templateWords = (node: ts.TemplateExpression): string => node.head.text + node.templateSpans.map((s) => ` X ${s.literal.text}`).join('');

// Prose in a template: a capitalised word standing alone ("Choose X"), two lower-case words in
// a row ("X could not be saved"), a lower-case word between two substitutions ("X of Y") or after one ("X waiting"), or a sentence. Class lists, keys ('a|b'),
// key names ('Mod-Alt-X') and codes ('OP X') are none of these.
const templateProse = (words: string): boolean =>
  sentence.test(words) || /(^|[\s(“"‘])\p{Lu}\p{Ll}+(?=[\s,.:;!?)…”’]|$)/u.test(words) || /(^|\s)\p{Ll}{2,}\s+\p{Ll}{2,}(?=[\s,.:;!?)…]|$)/u.test(words) || /\bX\s+\p{Ll}{2,}\s+X\b/u.test(words) || /\bX%?\s+\p{Ll}{3,}(?=[\s,.:;!?)…]|$)/u.test(words);

// True when `node` sits inside a technical JSX attribute (className={`a ${b}`}) or a call the scan ignores.
function inTechnicalPlace(node: ts.Node, source: ts.SourceFile): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isJsxAttribute(at)) return technicalAttributes.test(at.name.getText(source));
    if (ts.isPropertyAssignment(at) && /^(className|class|key|id|style|testId)$/.test(at.name.getText(source))) return true;
    if (ts.isCallExpression(at) && (isTranslateCall(at) || /^console\.|querySelector|closest|matches|setAttribute|getAttribute|classList|Error$/.test(at.expression.getText(source)))) return true;
    if (ts.isNewExpression(at) && /Error$|^RegExp$|^URL$/.test(at.expression.getText(source))) return true;
    if (ts.isBlock(at) || ts.isSourceFile(at)) return false;
  }
  return false;
}

// A single word or a short label ('Import…', 'Outline') shown to people through a JSX child or a shown property.
const labelLike = (text: string): boolean => /^[\p{Lu}][\p{L}’'.-]*(…)?$/u.test(text.trim()) && isWordText(text);

const isTranslateCall = (node: ts.CallExpression): boolean => {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
};

const ignoredCall = (node: ts.Node): boolean => {
  // Developer-facing text: console output, thrown programming errors of our own invariants, imports.
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent)) return true;
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    if (/^console\.|^(querySelector|querySelectorAll|closest|matches|getElementById|addEventListener|removeEventListener|dispatchEvent|getAttribute|setAttribute)$|\.(querySelector|querySelectorAll|closest|matches|getAttribute|setAttribute|addEventListener|removeEventListener)$/.test(callee)) return true;
    if (isTranslateCall(parent)) return true;
  }
  return ts.isLiteralTypeNode(parent) || ts.isCaseClause(parent);
};

/** Scans one source file: the interface text written in it and the translation keys it uses. */
export function scanFile(root: string, file: string): { literals: Literal[]; keys: KeyUse[] } {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const literals: Literal[] = [];
  const keys: KeyUse[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const lines = text.split('\n');
  // A line after a comment holding 'i18n-ignore:' (with the reason) is data, not interface text.
  const ignored = (line: number) => /i18n-ignore:/.test(lines[line - 2] ?? '') || /i18n-ignore:/.test(lines[line - 1] ?? '');
  const add = (node: ts.Node, value: string) => {
    if (!ignored(lineOf(node))) literals.push({ file, line: lineOf(node), text: value.replace(/\s+/g, ' ').trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && isWordText(node.text)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source);
      if (!technicalAttributes.test(name)) {
        const init = node.initializer;
        const value = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression : undefined;
        if (value && isWordText(value.text) && /\s|^\p{Lu}/u.test(value.text.trim())) add(value, value.text);
      }
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isJsxAttribute(node.parent) && !ignoredCall(node)) {
      // A string given whole to a JSX attribute was judged with the attribute above.
      const inAttribute = ts.isJsxExpression(node.parent) && ts.isJsxAttribute(node.parent.parent);
      const shownProperty = ts.isPropertyAssignment(node.parent) && node.parent.initializer === node && shownProperties.test(node.parent.name.getText(source));
      // A JSX child is always shown, whatever its case ({row.by || 'someone'}).
      const shownChild = isJsxChild(node) && /\p{L}{2,}/u.test(node.text) && isWordText(node.text);
      const handedLabel = isHandedOn(node) && labelLike(node.text) && !inTechnicalPlace(node, source);
      if (!inAttribute && (sentence.test(node.text) || shownChild || handedLabel || (shownProperty && labelLike(node.text)))) add(node, node.text);
    } else if (ts.isTemplateExpression(node) && !ignoredCall(node)) {
      if (templateProse(templateWords(node)) && !inTechnicalPlace(node, source)) add(node, node.getText(source));
    } else if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments.length > 0) {
      const [first, options] = node.arguments;
      const hasCount = !!options && ts.isObjectLiteralExpression(options) && options.properties.some((p) => p.name?.getText(source) === 'count');
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.push({ file, line: lineOf(node), key: first.text, dynamic: false, hasCount });
      else if (first && ts.isTemplateExpression(first)) keys.push({ file, line: lineOf(node), key: first.head.text, dynamic: true, hasCount });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, keys };
}
