/**
 * Core values to LSP data: the one place where a core Diagnostic (offsets) becomes an LSP
 * Diagnostic (positions). Related information that points into other files needs their text;
 * the caller provides it, and a file it cannot provide is pointed at its first character.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic, Fix, Severity } from '../core/diagnostics/diagnostic';
import { LineIndex } from '../core/text/lineIndex';

export const DIAGNOSTIC_SOURCE = 'event-schemas';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Looks up another file's text (or its line index) by uri, for related information and edits. */
export type TextOf = (uri: string) => string | LineIndex | undefined;

/** Caches line indexes for the files one conversion touches. */
class Indexes {
  private readonly byUri = new Map<string, LineIndex | undefined>();

  constructor(
    private readonly uri: string,
    private readonly own: LineIndex,
    private readonly textOf: TextOf | undefined,
  ) {}

  get(uri: string | undefined): LineIndex | undefined {
    if (uri === undefined || uri === this.uri) return this.own;
    if (!this.byUri.has(uri)) {
      let found: string | LineIndex | undefined;
      try {
        found = this.textOf?.(uri);
      } catch {
        found = undefined;
      }
      this.byUri.set(uri, typeof found === 'string' ? new LineIndex(found) : found);
    }
    return this.byUri.get(uri);
  }
}

const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function toIndex(text: string | LineIndex): LineIndex {
  return typeof text === 'string' ? new LineIndex(text) : text;
}

/** Converts one file's core diagnostics; `text` is that file's text or line index. */
export function toLspDiagnostics(
  diagnostics: readonly Diagnostic[],
  text: string | LineIndex,
  uri: string,
  textOf?: TextOf,
): LspDiagnostic[] {
  const indexes = new Indexes(uri, toIndex(text), textOf);
  return diagnostics.map((d) => convert(d, uri, indexes));
}

export function toLspDiagnostic(diagnostic: Diagnostic, text: string | LineIndex, uri: string, textOf?: TextOf): LspDiagnostic {
  return convert(diagnostic, uri, new Indexes(uri, toIndex(text), textOf));
}

function convert(d: Diagnostic, uri: string, indexes: Indexes): LspDiagnostic {
  const own = indexes.get(uri)!;
  const res: LspDiagnostic = {
    range: own.rangeOf(d.span),
    severity: severities[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (d.related?.length) {
    res.relatedInformation = d.related.map(
      (r): DiagnosticRelatedInformation => ({
        location: { uri: r.uri, range: indexes.get(r.uri)?.rangeOf(r.span) ?? start },
        message: r.message,
      }),
    );
  }
  const tags = (d.tags ?? []).map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  if (tags.length) res.tags = tags;
  return res;
}

/**
 * A core fix as a WorkspaceEdit. Edits without a uri belong to `uri`. Returns undefined when an
 * edit targets a file whose text is unknown, since a guessed range would corrupt that file.
 */
export function fixToWorkspaceEdit(fix: Fix, text: string | LineIndex, uri: string, textOf?: TextOf): WorkspaceEdit | undefined {
  const indexes = new Indexes(uri, toIndex(text), textOf);
  const changes: Record<string, LspTextEdit[]> = {};
  for (const edit of fix.edits) {
    const target = edit.uri ?? uri;
    const index = indexes.get(target);
    if (!index) return undefined;
    (changes[target] ??= []).push({ range: index.rangeOf(edit.span), newText: edit.newText });
  }
  return { changes };
}
