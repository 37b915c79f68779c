/** The `--format json` output, exactly as DESIGN.md's CLI contract spells it: one object, one line. */
import type { Report } from '../report';

export function renderJson(report: Report): string {
  const diagnostics = report.findings.map((f) => ({
    file: f.file,
    range: {
      start: { line: f.range.start.line, character: f.range.start.character },
      end: { line: f.range.end.line, character: f.range.end.character },
    },
    severity: f.diagnostic.severity,
    code: f.diagnostic.code,
    message: f.diagnostic.message,
    source: 'event-schemas',
  }));
  return JSON.stringify({ diagnostics }) + '\n';
}
