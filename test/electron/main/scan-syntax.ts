import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The TypeScript compiler plumbing under the Electron shell's security scan
 * (security-scan.ts): building a program of the real sources (with text overrides for the
 * tests that prove each rule fires) and small syntax questions about its nodes.
 */

/** The TypeScript sources under `dir` (recursively, no declaration files), sorted. */
export function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

// Parsed files are reused between scans (as TypeScript's language service does), so each
// mutation re-parses only the file it changes, not electron.d.ts and @types/node.
const parsed = new Map<string, ts.SourceFile>();

/** A program of `files` with the project's tsconfig; `overrides` replaces a file's text by absolute path. */
export function createProgram(root: string, files: string[], overrides: Record<string, string>): ts.Program {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => overrides[path.resolve(file)] ?? readFile(file);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError, create) => {
    const text = overrides[path.resolve(file)];
    if (text !== undefined) return ts.createSourceFile(file, text, language, true);
    const cached = parsed.get(file);
    if (cached) return cached;
    const fresh = getSourceFile(file, language, onError, create);
    if (fresh) parsed.set(file, fresh);
    return fresh;
  };
  return ts.createProgram({ rootNames: files, options, host });
}

/** `node` and every node below it, in source order. */
export function descendants(node: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    out.push(n);
    n.forEachChild(visit);
  };
  visit(node);
  return out;
}

/** True for a call `x.method(...)`, with `x` written as `object` when given. */
export function isMethodCall(node: ts.Node, method: string, object?: string): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  return node.expression.name.text === method && (object === undefined || node.expression.expression.getText() === object);
}

/** The call's first argument when it is a string literal, else undefined. */
export function firstArgText(call: ts.CallExpression): string | undefined {
  const arg = call.arguments[0];
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/** The value of the property `name` of an object literal (also shorthand), or undefined. */
export function property(obj: ts.ObjectLiteralExpression | undefined, name: string): ts.Expression | undefined {
  for (const p of obj?.properties ?? []) {
    if (ts.isPropertyAssignment(p) && p.name.getText().replace(/['"]/g, '') === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** What a function returns: its expression body, or every `return` expression not inside a nested function. */
export function returnedExpressions(fn: ts.SignatureDeclaration & { body?: ts.Node }): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    n.forEachChild(visit);
  };
  body.forEachChild(visit);
  return out;
}
