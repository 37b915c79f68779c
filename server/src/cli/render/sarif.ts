/**
 * `--format sarif`: one SARIF 2.1.0 log, as GitHub code scanning and other SARIF viewers read it.
 * Every rule id reported is listed in tool.driver.rules; each result carries its rule, level,
 * message and location (a uri relative to the current folder, through %SRCROOT%, and a 1-based
 * region whose end column is the one after the span). Related places, such as the element in
 * the baseline, are relatedLocations. Columns count UTF-16 code units, as our spans do.
 */
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/diagnostics/diagnostic';
import type { Range } from '../../core/text/lineIndex';
import type { Report } from '../report';
import type { Where } from './places';

export interface SarifOptions {
  readonly toolVersion: string;
  /** The current folder, which relative uris are resolved against. */
  readonly cwd: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const ROOT = '%SRCROOT%';

export function renderSarif(report: Report, where: Where, options: SarifOptions): string {
  const rules: { id: string; defaultConfiguration: { level: string } }[] = [];
  const ruleIndex = new Map<string, number>();
  const results = report.findings.map((f) => {
    const d = f.diagnostic;
    let index = ruleIndex.get(d.code);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(d.code, index);
      rules.push({ id: d.code, defaultConfiguration: { level: LEVEL[d.severity] } });
    }
    const related = (d.related ?? []).flatMap((r, i) => {
      const place = where(r.uri, r.span);
      if (!place) return [];
      const text = place.origin ? `${r.message}: ${place.origin}` : r.message;
      return [{ id: i + 1, physicalLocation: physical(place.file, place.range), message: { text } }];
    });
    return {
      ruleId: d.code,
      ruleIndex: index,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: physical(f.file, f.range) }],
      ...(related.length ? { relatedLocations: related } : {}),
    };
  });
  const root = pathToFileURL(options.cwd).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'event-schemas',
            version: options.toolVersion,
            informationUri: 'https://github.com/event-schemas/event-schemas',
            rules,
          },
        },
        originalUriBaseIds: { [ROOT]: { uri: root.endsWith('/') ? root : root + '/' } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function physical(file: string, range: Range) {
  // A registry version has an address of its own rather than a place in the tree.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(file);
  return {
    artifactLocation: absolute ? { uri: file } : { uri: relativeUri(file), uriBaseId: ROOT },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function relativeUri(file: string): string {
  return file
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
}
