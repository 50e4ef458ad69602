import path from 'node:path';
import ts from 'typescript';
import { createProgram, descendants, firstArgText, isMethodCall, listTs, property, returnedExpressions } from './scan-syntax.js';

/**
 * A static security scan of the Electron shell (electron/main and electron/preload) with
 * the TypeScript compiler API: it parses and binds the real sources, follows calls into
 * our own modules through the type checker, and reports every rule the shell breaks.
 * `overrides` replaces a file's text (by absolute path) so tests can prove each rule fires.
 */

/** What the scan found: the files it read and one line per broken rule. */
export type ScanReport = { files: string[]; violations: string[] };

/** Scans the shell under `root`; `overrides` maps absolute file paths to replacement text. */
export function scanElectronShell(root: string, overrides: Record<string, string> = {}): ScanReport {
  const mainFiles = listTs(path.join(root, 'electron', 'main'));
  const preloadFiles = listTs(path.join(root, 'electron', 'preload'));
  const program = createProgram(root, [...mainFiles, ...preloadFiles], overrides);
  const checker = program.getTypeChecker();
  const source = (file: string): ts.SourceFile => {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in program: ${file}`);
    return sf;
  };
  const scan = new Scan(root, checker);
  scan.checkMain(mainFiles.map(source));
  scan.checkPreload(preloadFiles.map(source));
  return { files: [...mainFiles, ...preloadFiles], violations: scan.violations };
}

const forbiddenValues: Record<string, boolean> = {
  nodeIntegration: true,
  nodeIntegrationInWorker: true,
  nodeIntegrationInSubFrames: true,
  contextIsolation: false,
  sandbox: false,
  webSecurity: false,
  allowRunningInsecureContent: true,
  webviewTag: true,
  experimentalFeatures: true,
  enableRemoteModule: true,
};

const ipcRendererCalls = new Set(['invoke', 'on', 'off', 'once', 'removeListener']);

class Scan {
  readonly violations: string[] = [];

  constructor(
    private readonly root: string,
    private readonly checker: ts.TypeChecker,
  ) {}

  checkMain(files: ts.SourceFile[]): void {
    const nodes = files.flatMap(descendants);
    this.checkForbiddenSettings(nodes);
    this.checkWindows(nodes);
    this.checkWindowOpen(nodes);
    this.checkNavigation(nodes);
    this.checkCsp(nodes);
    this.checkIpcMain(nodes);
    this.checkPermissions(nodes);
    if (!nodes.some((n) => isMethodCall(n, 'enableSandbox', 'app'))) this.fail('app.enableSandbox() is not called');
    if (!nodes.some((n) => isMethodCall(n, 'on', 'app') && firstArgText(n) === 'web-contents-created')) {
      this.fail("app.on('web-contents-created') does not harden every webContents");
    }
  }

  checkPreload(files: ts.SourceFile[]): void {
    const nodes = files.flatMap(descendants);
    this.checkForbiddenSettings(nodes);
    const exposes = nodes.filter((n): n is ts.CallExpression => isMethodCall(n, 'exposeInMainWorld'));
    if (exposes.length !== 1) this.fail(`preload must call exposeInMainWorld exactly once (found ${exposes.length})`);
    for (const call of exposes) {
      const [key, api] = call.arguments;
      if (!key || this.constantValue(key) !== 'penholder') this.fail("exposeInMainWorld's key is not 'penholder'");
      if (!api) continue;
      const props = this.checker.getTypeAtLocation(api).getProperties().map((p) => p.name).sort();
      if (props.join(',') !== 'invoke,on') this.fail(`the exposed API has properties [${props.join(', ')}], expected [invoke, on]`);
      const reach = this.reachable(api);
      // The allow-lists live in shared/api/names.ts (zod-free, so the preload bundle stays small).
      for (const [list, declared] of [['channels', 'channelNames'], ['eventNames', 'eventNameList']] as const) {
        const isList = (n: ts.Node) => ts.isIdentifier(n) && (n.text === list || n.text === declared) && this.declaredIn(n, 'shared/api/names.ts');
        if (!reach.some(isList)) {
          this.fail(`the exposed API does not check the contract's ${list} allow-list`);
        }
      }
    }
    for (const id of nodes.filter((n): n is ts.Identifier => ts.isIdentifier(n) && n.text === 'ipcRenderer')) {
      if (ts.isImportSpecifier(id.parent)) continue;
      const access = id.parent;
      const called = ts.isPropertyAccessExpression(access) && access.expression === id && ts.isCallExpression(access.parent) && access.parent.expression === access;
      if (!called || !ipcRendererCalls.has(access.name.text)) this.fail(`ipcRenderer is used as a value or with a forbidden method (${id.parent.getText()})`);
      if (called && ['on', 'once'].includes(access.name.text)) this.checkListenerHidesEvent(access.parent);
    }
  }

  private checkForbiddenSettings(nodes: ts.Node[]): void {
    for (const n of nodes) {
      if (!ts.isPropertyAssignment(n) || !ts.isIdentifier(n.name)) continue;
      const bad = forbiddenValues[n.name.text];
      if (bad !== undefined && this.constantValue(n.initializer) !== !bad) this.fail(`${n.name.text} is ${n.initializer.getText()}`);
    }
  }

  private checkWindows(nodes: ts.Node[]): void {
    const windows = nodes.filter((n): n is ts.NewExpression => ts.isNewExpression(n) && n.expression.getText() === 'BrowserWindow');
    if (windows.length === 0) this.fail('no BrowserWindow is created');
    for (const win of windows) {
      const options = this.objectLiteral(win.arguments?.[0]);
      const prefs = this.objectLiteral(options && property(options, 'webPreferences'));
      if (!prefs) {
        this.fail('a BrowserWindow has no literal webPreferences');
        continue;
      }
      if (prefs.properties.some(ts.isSpreadAssignment)) this.fail('webPreferences must not use spreads');
      const expect = { contextIsolation: true, sandbox: true, nodeIntegration: false } as const;
      for (const [name, value] of Object.entries(expect)) {
        const init = property(prefs, name);
        if (!init || this.constantValue(init) !== value) this.fail(`webPreferences.${name} must be ${String(value)}`);
      }
      if (!property(prefs, 'preload')) this.fail('webPreferences has no preload');
    }
  }

  private checkWindowOpen(nodes: ts.Node[]): void {
    const calls = nodes.filter((n): n is ts.CallExpression => isMethodCall(n, 'setWindowOpenHandler'));
    if (calls.length === 0) this.fail('setWindowOpenHandler is never called');
    for (const call of calls) {
      const fn = this.functionOf(call.arguments[0]);
      const results = fn ? returnedExpressions(fn) : [];
      if (results.length === 0) this.fail('setWindowOpenHandler handler returns nothing checkable');
      for (const r of results) {
        const action = property(this.objectLiteral(r), 'action');
        if (!action || this.constantValue(action) !== 'deny') this.fail(`window open handler returns ${r.getText()}`);
      }
    }
  }

  private checkNavigation(nodes: ts.Node[]): void {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const handlers = nodes.filter((n): n is ts.CallExpression => isMethodCall(n, 'on') && firstArgText(n) === event);
      const guarded = handlers.some((h) => h.arguments[1] && this.reachable(h.arguments[1]).some((n) => isMethodCall(n, 'preventDefault')));
      if (!guarded) this.fail(`no '${event}' handler calls preventDefault`);
    }
  }

  private checkCsp(nodes: ts.Node[]): void {
    const strings = nodes.filter(ts.isStringLiteralLike).map((s) => s.text);
    if (strings.some((s) => s.includes("'unsafe-eval'"))) this.fail("'unsafe-eval' appears in the shell");
    if (!strings.some((s) => /^default-src 'self'(;|$)/.test(s) || s.includes("default-src 'self';"))) this.fail("no CSP with default-src 'self'");
    const scriptSrc = strings.filter((s) => s.includes('script-src'));
    if (scriptSrc.length === 0 || scriptSrc.some((s) => /script-src[^;]*('unsafe-inline'|\*|data:)/.test(s))) this.fail('script-src is missing or not strict');
    for (const method of ['onHeadersReceived', 'handle']) {
      const calls = nodes.filter((n): n is ts.CallExpression => isMethodCall(n, method) && (method !== 'handle' || n.expression.getText() === 'protocol.handle'));
      const applies = calls.some((c) => c.arguments.some((a) => this.reachable(a).some((n) => ts.isStringLiteralLike(n) && n.text.toLowerCase() === 'content-security-policy')));
      if (!applies) this.fail(`the CSP header is not applied through ${method}`);
    }
  }

  private checkIpcMain(nodes: ts.Node[]): void {
    const calls = nodes.filter((n): n is ts.CallExpression => ts.isCallExpression(n) && /^ipcMain\.(handle|handleOnce|on|once)$/.test(n.expression.getText()));
    if (calls.length === 0) this.fail('no ipcMain handler is registered');
    for (const call of calls) {
      const handler = call.arguments[1];
      const reach = handler ? this.reachable(handler) : [];
      const checksFrame = reach.some((n) => ts.isPropertyAccessExpression(n) && n.name.text === 'senderFrame');
      const checksOrigin = reach.some((n) => ts.isCallExpression(n) && n.expression.getText() === 'isAppUrl');
      const refuses = reach.some((n) => ts.isStringLiteralLike(n) && n.text === 'unauthorized');
      if (!checksFrame || !checksOrigin || !refuses) this.fail(`ipcMain handler ${call.arguments[0]?.getText() ?? ''} does not validate its sender`);
    }
  }

  private checkPermissions(nodes: ts.Node[]): void {
    const calls = nodes.filter((n): n is ts.CallExpression => isMethodCall(n, 'setPermissionRequestHandler'));
    const denies = calls.some((c) => {
      const reach = c.arguments[0] ? this.reachable(c.arguments[0]) : [];
      return reach.some((n) => n.kind === ts.SyntaxKind.FalseKeyword) && !reach.some((n) => n.kind === ts.SyntaxKind.TrueKeyword);
    });
    if (!denies) this.fail('permission requests are not all denied');
  }

  private checkListenerHidesEvent(call: ts.CallExpression): void {
    const fn = this.functionOf(call.arguments[1]);
    const event = fn?.parameters[0];
    if (!fn || !event || !ts.isIdentifier(event.name)) return;
    const symbol = this.checker.getSymbolAtLocation(event.name);
    const leaks = descendants(fn.body ?? fn).some((n) => ts.isIdentifier(n) && n !== event.name && this.checker.getSymbolAtLocation(n) === symbol);
    if (leaks) this.fail('an ipcRenderer listener passes its IpcRendererEvent on');
  }

  private fail(message: string): void {
    this.violations.push(message);
  }

  /** Every node reachable from `start` through identifiers declared in our own sources. */
  private reachable(start: ts.Node): ts.Node[] {
    const seen = new Set<ts.Node>();
    const out: ts.Node[] = [];
    const queue: ts.Node[] = [start];
    for (let node = queue.pop(); node; node = queue.pop()) {
      if (seen.has(node)) continue;
      seen.add(node);
      for (const n of descendants(node)) {
        out.push(n);
        if (!ts.isIdentifier(n)) continue;
        for (const decl of this.declarations(n)) {
          if (this.isOwnSource(decl.getSourceFile()) && !seen.has(decl)) queue.push(decl);
        }
      }
    }
    return out;
  }

  private declarations(id: ts.Identifier): ts.Declaration[] {
    let symbol = this.checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.declarations ?? [];
  }

  private declaredIn(id: ts.Identifier, relative: string): boolean {
    return this.declarations(id).some((d) => path.relative(this.root, d.getSourceFile().fileName) === relative);
  }

  private isOwnSource(sf: ts.SourceFile): boolean {
    const rel = path.relative(this.root, sf.fileName);
    return !rel.startsWith('..') && !rel.includes('node_modules') && !sf.isDeclarationFile;
  }

  /** Resolves an expression to an object literal through parentheses, `as` and const variables. */
  private objectLiteral(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
    const e = expr && this.resolveConst(expr);
    return e && ts.isObjectLiteralExpression(e) ? e : undefined;
  }

  private functionOf(expr: ts.Expression | undefined): ts.SignatureDeclaration & { body?: ts.Node } | undefined {
    const e = expr && this.resolveConst(expr);
    return e && (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) ? e : undefined;
  }

  private resolveConst(expr: ts.Expression): ts.Expression {
    let e = expr;
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    if (!ts.isIdentifier(e)) return e;
    const decl = this.declarations(e).find(ts.isVariableDeclaration);
    return decl?.initializer && decl.parent.flags & ts.NodeFlags.Const ? this.resolveConst(decl.initializer) : e;
  }

  /** The literal value of an expression (through const variables), or undefined if not constant. */
  private constantValue(expr: ts.Expression): boolean | string | undefined {
    const e = this.resolveConst(expr);
    if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
    return ts.isStringLiteralLike(e) ? e.text : undefined;
  }
}
