/**
 * The file header: `syntax` or `edition` comes first, once, with a value protoc knows; `package`
 * appears at most once. A file without a syntax statement is read as proto2, as protoc does, with
 * a warning.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { wholeLineSpan } from '../../text/span';
import type { PackageDecl, SyntaxDecl } from '../ast';
import type { CheckContext } from './context';

/** The keyword a declaration starts with, as the place to flag a file-wide problem. */
function firstWord(text: string, start: number): { start: number; end: number } {
  let end = start;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
  return { start, end: Math.max(end, Math.min(start + 1, text.length)) };
}

export function checkFileStatements(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const body = ctx.ast.body.filter((d) => d.kind !== 'empty');
  const syntaxes = body.filter((d): d is SyntaxDecl => d.kind === 'syntax');
  const first = syntaxes[0];
  if (!first && body.length > 0) {
    out.push(
      diagnostic('file/missing-syntax', 'warning', 'no syntax statement, so the file is read as proto2: add `syntax = "proto3";`, `edition = "2023";` or `syntax = "proto2";` at the top', firstWord(ctx.text, body[0]!.span.start), {
        fixes: [{ title: 'Add syntax = "proto2"', edits: [{ span: { start: 0, end: 0 }, newText: 'syntax = "proto2";\n\n' }] }],
      }),
    );
  }
  if (first && body[0] !== first) {
    out.push(
      diagnostic('file/syntax-not-first', 'error', `\`${first.keyword}\` must be the first statement of the file: move it to the top`, first.keywordSpan, {
        fixes: [
          {
            title: `Move the ${first.keyword} statement to the top`,
            edits: [
              { span: { start: 0, end: 0 }, newText: `${ctx.text.slice(first.span.start, first.span.end)}\n\n` },
              { span: wholeLineSpan(ctx.text, first.span), newText: '' },
            ],
            preferred: true,
          },
        ],
      }),
    );
  }
  for (const extra of syntaxes.slice(1)) {
    out.push(
      diagnostic('file/duplicate-syntax', 'error', `the file already declares its ${first!.keyword}: remove this statement`, extra.keywordSpan, {
        related: [{ uri: ctx.uri, span: first!.span, message: 'declared here' }],
        fixes: [{ title: 'Remove the statement', edits: [{ span: wholeLineSpan(ctx.text, extra.span), newText: '' }] }],
      }),
    );
  }
  if (first?.value !== undefined && first.valueSpan) {
    const v = first.value;
    if (first.keyword === 'syntax' && v !== 'proto2' && v !== 'proto3') {
      out.push(diagnostic('file/unknown-syntax', 'error', `unknown syntax "${v}": use "proto2" or "proto3" (or \`edition = "2023";\`)`, first.valueSpan));
    } else if (first.keyword === 'edition') {
      if (v === '2026' || v === 'UNSTABLE') {
        out.push(
          diagnostic('file/unstable-edition', 'warning', `edition "${v}" is still in development and may change: use "2024" for stable behaviour`, first.valueSpan),
        );
      } else if (v !== '2023' && v !== '2024') {
        out.push(diagnostic('file/unknown-edition', 'error', `unknown edition "${v}": use "2023" or "2024"`, first.valueSpan));
      }
    }
  }
  const packages = body.filter((d): d is PackageDecl => d.kind === 'package');
  for (const extra of packages.slice(1)) {
    out.push(
      diagnostic('file/duplicate-package', 'error', 'a file declares one package: remove this package statement', extra.name?.span ?? extra.span, {
        related: [{ uri: ctx.uri, span: packages[0]!.span, message: 'the package is declared here' }],
      }),
    );
  }
  return out;
}
