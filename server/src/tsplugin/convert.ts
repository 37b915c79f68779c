/**
 * Core diagnostics and fixes in tsserver's shapes. The code number is what TypeScript's list shows
 * and what quick-fix requests carry; the string code leads the message so users can look it up.
 */
import type * as ts from 'typescript';
import type { Diagnostic, Fix } from '../core/diagnostics/diagnostic';
import { HANDLER_CODE_NUMBERS, type HandlerCode, type TypeScript } from '../core/handlers';

export const DIAGNOSTIC_SOURCE = 'event-schemas';

export function toTsDiagnostic(tsModule: TypeScript, file: ts.SourceFile, d: Diagnostic): ts.Diagnostic {
  const C = tsModule.DiagnosticCategory;
  const category = d.severity === 'error' ? C.Error : d.severity === 'warning' ? C.Warning : d.severity === 'info' ? C.Message : C.Suggestion;
  return {
    file,
    start: d.span.start,
    length: d.span.end - d.span.start,
    messageText: `[${d.code}] ${d.message}`,
    category,
    code: codeNumber(d.code),
    source: DIAGNOSTIC_SOURCE,
  };
}

export function codeNumber(code: string): number {
  return HANDLER_CODE_NUMBERS[code as HandlerCode] ?? 0;
}

export function toCodeFixAction(fileName: string, d: Diagnostic, fix: Fix): ts.CodeFixAction {
  return {
    fixName: `event-schemas:${d.code}:${fix.title}`,
    description: fix.title,
    changes: [
      {
        fileName,
        textChanges: fix.edits.map((e) => ({ span: { start: e.span.start, length: e.span.end - e.span.start }, newText: e.newText })),
      },
    ],
  };
}
