// Finds the diagnostic codes a TypeScript source emits, from its syntax tree (comments and prose
// inside strings do not count). Used by codes.test.ts to hold the registry to the sources.
import * as ts from 'typescript';

export const KEBAB_CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const UPPER_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

export interface Place {
  readonly file: string;
  readonly line: number;
}

export interface FileScan {
  /** Kebab-case code literals, such as `'resolve/unknown-type'`. */
  readonly kebab: Map<string, Place[]>;
  /** UPPER_SNAKE codes given directly as a code: `diagnostic('X', ...)` or `code: 'X'`. */
  readonly upper: Map<string, Place[]>;
  /** Codes built from a template, `${stage}/name`: the `/name` part. */
  readonly templates: Map<string, Place[]>;
  /** Every other string literal: a template's stage is one of them. */
  readonly strings: Set<string>;
  /** The severities written next to a code: `diagnostic(code, 'warning', ...)`, `cond ? 'warning' : 'error'`. */
  readonly severities: Map<string, Set<string>>;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stringValue(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isAsExpression(n) || ts.isParenthesizedExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
  return n;
}

/** The severities an argument can take: a literal, or either arm of a conditional. */
function severitiesOf(node: ts.Expression): string[] {
  const n = unwrap(node);
  const s = stringValue(n);
  if (s !== undefined) return SEVERITIES.has(s) ? [s] : [];
  if (ts.isConditionalExpression(n)) return [...severitiesOf(n.whenTrue), ...severitiesOf(n.whenFalse)];
  return [];
}

/** `'vscode-languageserver/node'` in an import or export, or `import(...)` / `require(...)`. */
function isModuleName(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p)) return true;
  if (ts.isLiteralTypeNode(p) && ts.isImportTypeNode(p.parent)) return true;
  return ts.isCallExpression(p) && (p.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(p.expression) && p.expression.text === 'require'));
}

/**
 * `constants` maps `NAME` and `OBJECT.key` to codes, so that `diagnostic(STALE_CODE, ...)` and
 * `diagnostic(HANDLER_CODES.missing, ...)` pair with their severities too.
 */
export function scanSource(file: string, text: string, constants: ReadonlyMap<string, string> = new Map()): FileScan {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const scan: FileScan = { kebab: new Map(), upper: new Map(), templates: new Map(), strings: new Set(), severities: new Map() };
  const place = (node: ts.Node): Place => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  const codeOf = (arg: ts.Expression): string | undefined => {
    const n = unwrap(arg);
    const s = stringValue(n);
    if (s !== undefined) return KEBAB_CODE.test(s) || UPPER_CODE.test(s) ? s : undefined;
    if (ts.isIdentifier(n)) return constants.get(n.text);
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) return constants.get(`${n.expression.text}.${n.name.text}`);
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    const s = isModuleName(node) ? undefined : stringValue(node);
    if (s !== undefined) {
      if (KEBAB_CODE.test(s)) add(scan.kebab, s, place(node));
      else scan.strings.add(s);
    }
    if (ts.isTemplateExpression(node) && node.head.text === '' && node.templateSpans.length === 1) {
      const tail = node.templateSpans[0]!.literal.text;
      if (/^\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tail)) add(scan.templates, tail, place(node));
    }
    if (ts.isCallExpression(node)) {
      const args = node.arguments;
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const first = args[0] ? stringValue(unwrap(args[0])) : undefined;
      if (name === 'diagnostic' && first !== undefined && UPPER_CODE.test(first)) add(scan.upper, first, place(args[0]!));
      args.forEach((arg, i) => {
        const code = codeOf(arg);
        const next = args[i + 1];
        if (!code || !next) return;
        for (const sev of severitiesOf(next)) {
          const set = scan.severities.get(code) ?? new Set<string>();
          set.add(sev);
          scan.severities.set(code, set);
        }
      });
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'code') {
      const v = stringValue(unwrap(node.initializer));
      if (v !== undefined && UPPER_CODE.test(v)) add(scan.upper, v, place(node.initializer));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return scan;
}

/** `const NAME = 'code'` and `const OBJECT = { key: 'code' }` of a source, for `scanSource`'s `constants`. */
export function codeConstants(file: string, text: string): Map<string, string> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
      const init = unwrap(decl.initializer);
      const s = stringValue(init);
      if (s !== undefined && KEBAB_CODE.test(s)) out.set(decl.name.text, s);
      if (ts.isObjectLiteralExpression(init)) {
        for (const p of init.properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
          const v = stringValue(unwrap(p.initializer));
          if (v !== undefined && KEBAB_CODE.test(v)) out.set(`${decl.name.text}.${p.name.text}`, v);
        }
      }
    }
  }
  return out;
}

/** The UPPER_SNAKE strings that properties named `property` can take (`type: cond ? 'A' : 'B'`). */
export function propertyValues(file: string, text: string, property: string): Set<string> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new Set<string>();
  const collect = (node: ts.Node): void => {
    const s = stringValue(node);
    if (s !== undefined && UPPER_CODE.test(s)) out.add(s);
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === property) collect(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The strings in the initializer of the variable `variable`. */
export function variableStrings(file: string, text: string, variable: string): Set<string> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new Set<string>();
  const collect = (node: ts.Node): void => {
    const s = stringValue(node);
    if (s !== undefined) out.add(s);
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === variable && node.initializer) collect(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
