/**
 * A `switch (e.type)` over a generated event union must list every variant, `$unknown` included.
 * Without a default, missing cases are `handlers/missing`. With a default that does real work,
 * the default swallows them: `handlers/swallowing-default`. A default that is unreachable by type
 * (a `never` check) or only throws still leaves the cases missing.
 */
import type * as ts from 'typescript';
import { diagnostic, type Fix } from '../diagnostics/diagnostic';
import { HANDLER_CODES } from './codes';
import type { RuleContext } from './context';
import { classifyDefault } from './defaults';
import { discriminantSubject, literalValue } from './discriminants';
import { indentAt, indentUnit, notImplemented, quoteOf, stringLiteralText } from './edits';
import { eventVariants, unionName } from './eventUnions';
import { quotedList } from './messages';

export function checkSwitch(ctx: RuleContext, node: ts.SwitchStatement): void {
  const { ts, checker, file } = ctx;
  const subject = discriminantSubject(ctx, node.expression);
  if (!subject) return;
  const variants = eventVariants(ctx, checker.getTypeAtLocation(subject));
  if (!variants) return;
  const listed = new Set<string>();
  let defaultClause: ts.DefaultClause | undefined;
  for (const clause of node.caseBlock.clauses) {
    if (ts.isDefaultClause(clause)) defaultClause = clause;
    else {
      const tag = literalValue(ctx, clause.expression);
      if (tag !== undefined) listed.add(tag);
    }
  }
  const missing = variants.filter((v) => !listed.has(v.tag)).map((v) => v.tag);
  if (missing.length === 0) return;
  const name = unionName(ctx, subject, variants);
  const fixes = [addCasesFix(ctx, node, missing, defaultClause)];

  if (defaultClause && classifyDefault(ctx, defaultBody(node, defaultClause)) === 'swallows') {
    const start = defaultClause.getStart(file);
    ctx.report(
      diagnostic(
        HANDLER_CODES.swallowingDefault,
        'error',
        `default swallows known variants of \`${name}\`: ${quotedList(missing)}; list them as cases`,
        { start, end: start + 'default'.length },
        { fixes },
      ),
    );
    return;
  }
  const expr = node.expression;
  ctx.report(
    diagnostic(
      HANDLER_CODES.missing,
      'error',
      `switch over \`${name}\` does not handle ${quotedList(missing)}: add the missing cases`,
      { start: expr.getStart(file), end: expr.end },
      { fixes },
    ),
  );
}

/** The statements a default runs: its own, or those of the clause it falls through to. */
function defaultBody(node: ts.SwitchStatement, clause: ts.DefaultClause): readonly ts.Statement[] {
  const clauses = node.caseBlock.clauses;
  for (let i = clauses.indexOf(clause); i < clauses.length; i++) {
    if (clauses[i]!.statements.length > 0) return clauses[i]!.statements;
  }
  return [];
}

function addCasesFix(ctx: RuleContext, node: ts.SwitchStatement, missing: readonly string[], defaultClause: ts.DefaultClause | undefined): Fix {
  const { file } = ctx;
  const text = file.text;
  const quote = quoteOf(text);
  const unit = indentUnit(text);
  const clauses = node.caseBlock.clauses;
  const sample = clauses[0];
  const clauseIndent = sample ? indentAt(text, sample.getStart(file)) : indentAt(text, node.getStart(file)) + unit;
  const bodyIndent = bodyIndentOf(ctx, clauses) ?? clauseIndent + unit;
  const one = (tag: string) => `case ${stringLiteralText(tag, quote)}:\n${bodyIndent}${notImplemented(tag, quote)}`;
  let at: number;
  let newText: string;
  if (defaultClause) {
    at = defaultClause.getStart(file);
    newText = missing.map((tag) => `${one(tag)}\n${clauseIndent}`).join('');
  } else if (clauses.length > 0) {
    at = clauses[clauses.length - 1]!.end;
    newText = missing.map((tag) => `\n${clauseIndent}${one(tag)}`).join('');
  } else {
    at = node.caseBlock.getStart(file) + 1;
    newText = missing.map((tag) => `\n${clauseIndent}${one(tag)}`).join('') + `\n${indentAt(text, node.getStart(file))}`;
  }
  return { title: 'Add missing cases', edits: [{ span: { start: at, end: at }, newText }], preferred: true };
}

/** How the switch indents clause bodies: the indent of a statement on its own line, if any. */
function bodyIndentOf(ctx: RuleContext, clauses: readonly ts.CaseOrDefaultClause[]): string | undefined {
  const text = ctx.file.text;
  for (const clause of clauses) {
    const first = clause.statements[0];
    if (!first) continue;
    const start = first.getStart(ctx.file);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (text.slice(lineStart, start).trim() === '') return text.slice(lineStart, start);
  }
  return undefined;
}
