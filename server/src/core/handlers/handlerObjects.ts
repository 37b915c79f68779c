/**
 * Handler objects that escape TypeScript's completeness check. Assigning an object literal to a
 * generated `XHandlers<R>` is checked by TypeScript itself; these forms are not:
 * - a type assertion (`obj as XHandlers`, `<XHandlers>obj`), which allows missing properties;
 * - `Partial<XHandlers>`, which makes every handler optional;
 * - a spread whose source claims keys it does not have (itself cast, or `any`);
 * - a value of type `any` where handlers are expected.
 * Each is reported only when keys are really missing (or unknowable, for `any`), naming them.
 */
import type * as ts from 'typescript';
import { diagnostic, type Fix } from '../diagnostics/diagnostic';
import { HANDLER_CODES } from './codes';
import { typeOfSymbol, type HandlerType, type RuleContext } from './context';
import { endAfterComma, indentAt, indentUnit, isMultiLine, notImplemented, propertyKey, quoteOf } from './edits';
import { handlerType, partialOfHandlers } from './handlerTypes';
import { quotedList } from './messages';

/** What is known about the keys a value really has. */
interface Keys {
  /** Keys certainly present; undefined when the value is `any` all the way down. */
  readonly keys: ReadonlySet<string> | undefined;
  /** The object literal the keys come from, which a fix can extend. */
  readonly literal: ts.ObjectLiteralExpression | undefined;
  /** A spread inside that literal that hides missing keys. */
  readonly hidingSpread: ts.SpreadAssignment | undefined;
}

const MAX_TRACE = 4;

export function checkAssertion(ctx: RuleContext, node: ts.AsExpression | ts.TypeAssertion): void {
  const { ts, checker } = ctx;
  if (ts.isConstTypeReference(node.type)) return;
  const target = handlerType(ctx, checker.getTypeFromTypeNode(node.type));
  if (!target) return;
  const known = keysOf(ctx, node.expression, 0);
  const where = { start: node.type.getStart(ctx.file), end: node.type.end };
  if (!known.keys) {
    ctx.report(
      diagnostic(
        HANDLER_CODES.missing,
        'error',
        `handlers for \`${unionOf(target)}\` are cast from a value of type \`any\`, so none of ${quotedList(target.keys)} is checked: build the object with \`satisfies ${target.name}\``,
        where,
      ),
    );
    return;
  }
  const missing = missingKeys(target, known.keys);
  if (missing.length === 0) return;
  ctx.report(
    diagnostic(
      HANDLER_CODES.missing,
      'error',
      `handlers for \`${unionOf(target)}\` are cast with a type assertion that hides missing ${quotedList(missing)}: add them and use \`satisfies ${target.name}\``,
      where,
      { fixes: stubFixes(ctx, target, missing, known.literal) },
    ),
  );
}

/** Object literals typed by context as `Partial<XHandlers>`, or as `XHandlers` but built with spreads. */
export function checkHandlerLiteral(ctx: RuleContext, node: ts.ObjectLiteralExpression): void {
  const { ts } = ctx;
  if (isAssertedOperand(ctx, node)) return; // checkAssertion covers it
  const expected = ctx.checker.getContextualType(node);
  if (!expected) return;
  const partial = partialOfHandlers(ctx, expected);
  if (partial) {
    const known = keysOf(ctx, node, 0);
    const missing = missingKeys(partial, known.keys ?? new Set());
    if (missing.length === 0) return;
    ctx.report(
      diagnostic(
        HANDLER_CODES.missing,
        'error',
        `\`Partial<${partial.name}>\` hides missing handlers for \`${unionOf(partial)}\`: ${quotedList(missing)}; add them and drop \`Partial\``,
        partialAnchor(ctx, node),
        { fixes: stubFixes(ctx, partial, missing, node) },
      ),
    );
    return;
  }
  if (!node.properties.some(ts.isSpreadAssignment)) return;
  const full = handlerType(ctx, expected);
  if (!full) return;
  const known = keysOf(ctx, node, 0);
  const missing = missingKeys(full, known.keys ?? new Set());
  if (missing.length === 0 || !known.hidingSpread) return;
  ctx.report(
    diagnostic(
      HANDLER_CODES.missing,
      'error',
      `this spread hides missing handlers for \`${unionOf(full)}\`: ${quotedList(missing)}; add them`,
      { start: known.hidingSpread.getStart(ctx.file), end: known.hidingSpread.end },
      { fixes: stubFixes(ctx, full, missing, node) },
    ),
  );
}

/**
 * A value of type `any` where handlers are expected: an argument, initializer or return value.
 * `expected` is the parameter's or the annotation's type, which the caller finds cheaply.
 */
export function checkHandlerSlot(ctx: RuleContext, expr: ts.Expression, expected: ts.Type | undefined): void {
  const { ts, checker } = ctx;
  if (ts.isObjectLiteralExpression(expr)) return; // a literal is typed by its context, never `any`
  const target = handlerType(ctx, expected);
  if (!target) return;
  if (!(checker.getTypeAtLocation(expr).flags & ts.TypeFlags.Any)) return;
  const known = keysOf(ctx, expr, 0);
  const where = { start: expr.getStart(ctx.file), end: expr.end };
  if (!known.keys) {
    ctx.report(
      diagnostic(
        HANDLER_CODES.missing,
        'error',
        `handlers for \`${unionOf(target)}\` have type \`any\`, so none of ${quotedList(target.keys)} is checked: give them the type \`${target.name}\``,
        where,
      ),
    );
    return;
  }
  const missing = missingKeys(target, known.keys);
  if (missing.length === 0) return;
  ctx.report(
    diagnostic(
      HANDLER_CODES.missing,
      'error',
      `handlers for \`${unionOf(target)}\` pass through \`any\`, which hides missing ${quotedList(missing)}: add them and type the object as \`${target.name}\``,
      where,
      { fixes: stubFixes(ctx, target, missing, known.literal) },
    ),
  );
}

function missingKeys(target: HandlerType, keys: ReadonlySet<string>): string[] {
  return target.keys.filter((k) => !keys.has(k));
}

/** `OrderEvent` for `OrderEventHandlers`: what the messages name. */
function unionOf(target: HandlerType): string {
  return target.name.endsWith('Handlers') && target.name.length > 'Handlers'.length ? target.name.slice(0, -'Handlers'.length) : target.name;
}

function isAssertedOperand(ctx: RuleContext, node: ts.Expression): boolean {
  const { ts } = ctx;
  let p = node.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  return ts.isAsExpression(p) || ts.isTypeAssertionExpression(p);
}

function peel(ctx: RuleContext, e: ts.Expression): ts.Expression {
  const { ts } = ctx;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    else if (ts.isSatisfiesExpression?.(e)) e = e.expression;
    else return e;
  }
}

/** The keys a value has, following casts, const variables and spreads back to object literals. */
function keysOf(ctx: RuleContext, expr: ts.Expression, depth: number): Keys {
  const { ts, checker } = ctx;
  const e = peel(ctx, expr);
  if (ts.isObjectLiteralExpression(e)) {
    const keys = new Set<string>();
    let hidingSpread: ts.SpreadAssignment | undefined;
    for (const p of e.properties) {
      if (ts.isSpreadAssignment(p)) {
        const inner = depth < MAX_TRACE ? keysOf(ctx, p.expression, depth + 1) : { keys: undefined };
        const claimed = keysOfType(ctx, checker.getTypeAtLocation(p.expression));
        for (const k of inner.keys ?? []) keys.add(k);
        const innerKeys = inner.keys;
        if (!innerKeys || !claimed || [...claimed].some((k) => !innerKeys.has(k))) hidingSpread ??= p;
        continue;
      }
      const name = p.name && propertyName(ctx, p.name);
      if (name !== undefined) keys.add(name);
    }
    return { keys, literal: e, hidingSpread };
  }
  if (ts.isIdentifier(e) && depth < MAX_TRACE) {
    const init = constInitializer(ctx, e);
    if (init) return keysOf(ctx, init, depth + 1);
  }
  return { keys: keysOfType(ctx, checker.getTypeAtLocation(e)), literal: undefined, hidingSpread: undefined };
}

function keysOfType(ctx: RuleContext, type: ts.Type): Set<string> | undefined {
  if (type.flags & ctx.ts.TypeFlags.Any) return undefined;
  const keys = new Set<string>();
  for (const prop of ctx.checker.getPropertiesOfType(type)) {
    if (!(prop.flags & ctx.ts.SymbolFlags.Optional)) keys.add(prop.name);
  }
  return keys;
}

function propertyName(ctx: RuleContext, name: ts.PropertyName): string | undefined {
  const { ts } = ctx;
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const t = ctx.checker.getTypeAtLocation(name.expression);
    return t.flags & ts.TypeFlags.StringLiteral ? (t as ts.StringLiteralType).value : undefined;
  }
  return undefined;
}

/** The initializer of the `const` an identifier refers to, in this file. */
function constInitializer(ctx: RuleContext, id: ts.Identifier): ts.Expression | undefined {
  const { ts } = ctx;
  const decl = ctx.checker.getSymbolAtLocation(id)?.valueDeclaration;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || decl.getSourceFile() !== ctx.file) return undefined;
  if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)) return undefined;
  return decl.initializer;
}

/** Where a `Partial<...>` finding points: the annotation if the literal initializes one, else the `{`. */
function partialAnchor(ctx: RuleContext, node: ts.ObjectLiteralExpression): { start: number; end: number } {
  const { ts } = ctx;
  const p = node.parent;
  if ((ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isParameter(p)) && p.type && p.initializer === node) {
    return { start: p.type.getStart(ctx.file), end: p.type.end };
  }
  const start = node.getStart(ctx.file);
  return { start, end: start + 1 };
}

/** "Add missing handlers": a stub per missing key, at the end of the literal the keys come from. */
function stubFixes(ctx: RuleContext, target: HandlerType, missing: readonly string[], literal: ts.ObjectLiteralExpression | undefined): Fix[] {
  if (!literal || literal.getSourceFile() !== ctx.file) return [];
  const text = ctx.file.text;
  const quote = quoteOf(text);
  const paramName = existingParamName(ctx, literal) ?? 'event';
  const stub = (key: string) => {
    const param = typedParam(ctx, target, key, literal, paramName);
    return { key: propertyKey(key, quote), param, body: notImplemented(key, quote) };
  };
  const stubs = missing.map(stub);
  const props = literal.properties;
  const last = props[props.length - 1];
  let at: number;
  let newText: string;
  if (isMultiLine(ctx.file, literal)) {
    const indent = last ? indentAt(text, last.getStart(ctx.file)) : indentAt(text, literal.getStart(ctx.file)) + indentUnit(text);
    const inner = indent + indentUnit(text);
    const trailingComma = last !== undefined && endAfterComma(ctx.file, last) !== last.end;
    const lines = stubs.map((s) => `${indent}${s.key}: (${s.param}) => {\n${inner}${s.body}\n${indent}}`);
    if (last) {
      at = endAfterComma(ctx.file, last);
      newText = (trailingComma ? '' : ',') + '\n' + lines.join(',\n') + (trailingComma ? ',' : '');
    } else {
      at = literal.getStart(ctx.file) + 1;
      newText = '\n' + lines.join(',\n') + ',';
    }
  } else {
    const parts = stubs.map((s) => `${s.key}: (${s.param}) => { ${s.body} }`);
    if (last) {
      at = last.end;
      newText = ', ' + parts.join(', ');
    } else {
      at = literal.getStart(ctx.file) + 1;
      newText = ' ' + parts.join(', ') + ' ';
    }
  }
  return [{ title: 'Add missing handlers', edits: [{ span: { start: at, end: at }, newText }], preferred: true }];
}

/** The parameter name the existing handlers use, so the stubs read like their neighbours. */
function existingParamName(ctx: RuleContext, literal: ts.ObjectLiteralExpression): string | undefined {
  const { ts } = ctx;
  for (const p of literal.properties) {
    const fn = ts.isPropertyAssignment(p) ? p.initializer : ts.isMethodDeclaration(p) ? p : undefined;
    if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn))) {
      const name = fn.parameters[0]?.name;
      if (name && ts.isIdentifier(name)) return name.text;
    }
  }
  return undefined;
}

/**
 * `event: OrderPlaced` (or `event: CartEventVariant<"ItemAdded">`) when that type can be written
 * with names in scope at the literal; otherwise a bare `event`, which the literal's contextual
 * type (the handler type) types just the same.
 */
function typedParam(ctx: RuleContext, target: HandlerType, key: string, at: ts.Node, paramName: string): string {
  const prop = ctx.checker.getPropertyOfType(target.type, key);
  const param = prop && typeOfSymbol(ctx, prop).getCallSignatures()[0]?.getParameters()[0];
  const written = (param && writeType(ctx, typeOfSymbol(ctx, param), at, 0)) ?? (prop && declaredParamType(ctx, prop, at));
  return written ? `${paramName}: ${written}` : paramName;
}

/**
 * The parameter type as the handler type's declaration spells it (`CartEventVariant<"ItemAdded">`),
 * when every name in it means the same at `at`: generated variants are often anonymous members of
 * the union, with no name of their own to write.
 */
function declaredParamType(ctx: RuleContext, prop: ts.Symbol, at: ts.Node): string | undefined {
  const { ts } = ctx;
  const decl = prop.declarations?.[0];
  const fn = decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) ? decl.type : decl;
  const typeNode = fn && (ts.isFunctionTypeNode(fn) || ts.isMethodSignature(fn)) ? fn.parameters[0]?.type : undefined;
  return typeNode && portable(ctx, typeNode, at) ? typeNode.getText() : undefined;
}

/** Whether a type written in one file means the same written at `at`: names in scope there, literal arguments. */
function portable(ctx: RuleContext, node: ts.TypeNode, at: ts.Node): boolean {
  const { ts, checker } = ctx;
  if (ts.isLiteralTypeNode(node)) return ts.isStringLiteral(node.literal) || ts.isNumericLiteral(node.literal);
  if (!ts.isTypeReferenceNode(node) || !ts.isIdentifier(node.typeName)) return false;
  let symbol = checker.getSymbolAtLocation(node.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol !== undefined && inScope(ctx, symbol, at) && (node.typeArguments ?? []).every((a) => portable(ctx, a, at));
}

/** A type as source text that means the same type at `at`, or undefined when that is not certain. */
function writeType(ctx: RuleContext, type: ts.Type, at: ts.Node, depth: number): string | undefined {
  const { ts, checker } = ctx;
  if (depth > 3) return undefined;
  if (type.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) return checker.typeToString(type);
  const symbol = type.aliasSymbol ?? type.symbol;
  const args = type.aliasSymbol
    ? (type.aliasTypeArguments ?? [])
    : type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference
      ? checker.getTypeArguments(type as ts.TypeReference)
      : [];
  if (!symbol || symbol.name.startsWith('__') || !inScope(ctx, symbol, at)) return undefined;
  if (args.length === 0) return symbol.name;
  const written = args.map((a) => writeType(ctx, a, at, depth + 1));
  return written.every((w) => w !== undefined) ? `${symbol.name}<${written.join(', ')}>` : undefined;
}

/** Whether the symbol's name resolves to the symbol itself at `at` (it is imported or declared there). */
function inScope(ctx: RuleContext, symbol: ts.Symbol, at: ts.Node): boolean {
  const { ts, checker } = ctx;
  const resolveName = (checker as { resolveName?: ts.TypeChecker['resolveName'] }).resolveName;
  if (!resolveName) return false;
  let found = resolveName.call(checker, symbol.name, at, ts.SymbolFlags.Type | ts.SymbolFlags.Alias, false);
  if (found && found.flags & ts.SymbolFlags.Alias) found = checker.getAliasedSymbol(found);
  return found === symbol;
}
