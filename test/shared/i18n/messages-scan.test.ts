import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The rule of messages made away from the screen (issue 16 point 5): in shared/** and
// electron/** (not electron/cli/**, whose output is English by design), our error classes and
// import warnings take a catalogue Message, never a sentence written in the code, so a French
// interface can say them in French. A plain `new Error(...)` (or TypeError, RangeError...) is
// allowed only for a programming error no input can cause, with a `// internal: <why>` comment
// on the line before.

const root = path.resolve(__dirname, '../../..');

// Folders not converted yet; each helper removes its own when they are. Must end empty.
const PENDING: string[] = [
  // msgs-checks
];

const scanned = ['shared', 'electron'];
const exempt = ['electron/cli'];
const builtInErrors = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);
// A warning helper is called by one of these names (`warn(...)`), or is a push on a `warnings` array.
const warningHelpers = /^(warn|warning|addWarning|pushWarning)$/;
// A string argument that is a stable code or kind ('not-found', 'corrupt'), not a sentence.
const codeLike = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** One place that breaks the rule. */
type Violation = { file: string; line: number; what: string };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(path.join(root, d), { withFileTypes: true })) {
      const rel = path.posix.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

const under = (file: string, folders: readonly string[]) => folders.some((f) => file === f || file.startsWith(`${f}/`));

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** The names of the error classes declared in `sources`: those extending Error or one of them. */
function errorClasses(sources: readonly ts.SourceFile[]): Set<string> {
  const parents = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (heritage) parents.set(node.name.text, heritage.expression.getText());
    }
    ts.forEachChild(node, visit);
  };
  for (const s of sources) visit(s);
  const ours = new Set<string>();
  const isError = (name: string, depth = 0): boolean => builtInErrors.has(name) || (depth < 10 && parents.has(name) && isError(parents.get(name) as string, depth + 1));
  for (const name of parents.keys()) if (isError(name)) ours.add(name);
  return ours;
}

// True when `node` is text written in the code: a sentence literal, a template, a concatenation.
function isWrittenText(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isWrittenText(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return !codeLike.test(node.text);
  if (ts.isTemplateExpression(node)) return true;
  if (ts.isConditionalExpression(node)) return isWrittenText(node.whenTrue) || isWrittenText(node.whenFalse);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
  return false;
}

// True when the line before the statement holding `node` is a `// internal: <why>` comment.
function hasInternalComment(source: ts.SourceFile, node: ts.Node): boolean {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const before = source.text.split('\n')[line - 1] ?? '';
  return /^\s*\/\/ internal: \S/.test(before);
}

/** The places in `source` that break the rule, given our error classes. */
function violations(source: ts.SourceFile, ours: ReadonlySet<string>): Violation[] {
  const out: Violation[] = [];
  const at = (node: ts.Node, what: string) => out.push({ file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      if (builtInErrors.has(name) && !ours.has(name)) {
        if (!hasInternalComment(source, node)) at(node, `new ${name}(...) without a "// internal: <why>" comment on the line before`);
      } else if (ours.has(name) && (node.arguments ?? []).some(isWrittenText)) {
        at(node, `new ${name}(...) given a sentence written in the code, not a Message`);
      }
    }
    if (ts.isCallExpression(node) && node.arguments.some(isWrittenText)) {
      const callee = node.expression;
      const isPush = ts.isPropertyAccessExpression(callee) && callee.name.text === 'push' && /warnings$/i.test(callee.expression.getText(source).split('.').pop() ?? '');
      const isHelper = ts.isIdentifier(callee) && warningHelpers.test(callee.text);
      if (isPush || isHelper) at(node, `a warning given a sentence written in the code, not a Message: ${callee.getText(source)}(...)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = scanned.flatMap(sourceFiles).filter((f) => !under(f, exempt));
const sources = files.map((f) => parse(f, readFileSync(path.join(root, f), 'utf8')));
const ours = errorClasses(sources);

describe('messages made away from the screen', () => {
  it('finds what the rule forbids and lets through what it allows (the scan itself)', () => {
    const sample = parse(
      'sample.ts',
      [
        'class OwnError extends Error {}',
        'class SubError extends OwnError {}',
        "throw new OwnError('corrupt', `The file ${name} is damaged.`);",
        "throw new SubError('Bad file: ' + name);",
        "throw new OwnError('not-found', msg('backend:store.noDocument', { id }));",
        "throw new Error('boom');",
        '// internal: a switch over a closed union reached its end',
        "throw new RangeError(`unreachable ${kind}`);",
        "warnings.push('docx: a note was dropped');",
        "state.warnings.push(msg('formats:docx.noteDropped'));",
        "warn(`heading ${where} kept as text`);",
        'warnings.push(...others);',
      ].join('\n'),
    );
    const found = violations(sample, errorClasses([sample]));
    expect(found.map((v) => v.line)).toEqual([3, 4, 6, 9, 11]);
  });

  it('knows our error classes', () => {
    for (const name of ['ApiError', 'StoreError', 'FormatError', 'LibraryError']) expect(ours.has(name), name).toBe(true);
  });

  it('has only pending folders that exist', () => {
    for (const folder of PENDING) expect(files.some((f) => under(f, [folder])), folder).toBe(true);
  });

  it('holds in every converted folder of shared/ and electron/', () => {
    const found = sources.filter((s) => !under(s.fileName, PENDING)).flatMap((s) => violations(s, ours));
    expect(found.map((v) => `${v.file}:${v.line}: ${v.what}`)).toEqual([]);
  });

  it('lists as pending only folders that still break the rule (so the list shrinks to empty)', () => {
    const done = PENDING.filter((folder) => sources.every((s) => !under(s.fileName, [folder]) || violations(s, ours).length === 0));
    expect(done, 'converted: remove these from PENDING').toEqual([]);
  });
});
