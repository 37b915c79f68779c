/**
 * `--format github`: one workflow command per finding, which GitHub Actions shows as an
 * annotation on the pull request's diff:
 *   ::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message
 * Lines and columns are 1-based; the end column is the one after the span, as in SARIF. Related
 * places (the baseline element) follow the message on lines of their own. Escaping follows the
 * Actions toolkit: `%`, CR and LF in the message, and also `:` and `,` in property values.
 */
import type { Severity } from '../../core/diagnostics/diagnostic';
import type { Report } from '../report';
import type { Where } from './places';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function renderGithub(report: Report, where: Where): string {
  let out = '';
  for (const f of report.findings) {
    const d = f.diagnostic;
    const { start, end } = f.range;
    const props = [
      `file=${escapeProperty(f.file)}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(d.code)}`,
    ];
    let message = d.message;
    for (const r of d.related ?? []) {
      const place = where(r.uri, r.span);
      if (!place) continue;
      const pos = `${place.range.start.line + 1}:${place.range.start.character + 1}`;
      message += `\n${r.message}: ${place.origin ?? place.file}:${pos}`;
    }
    out += `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(message)}\n`;
  }
  return out;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
