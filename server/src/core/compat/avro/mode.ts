/**
 * Confluent Schema Registry's compatibility modes over Avro resolution. The current schema is
 * checked against earlier versions (oldest first; the last one is the latest):
 * - BACKWARD: the current schema reads data written with the latest version;
 * - FORWARD: the latest version reads data written with the current schema;
 * - FULL: both;
 * - the `_TRANSITIVE` forms do the same against every earlier version;
 * - NONE: nothing is checked.
 * As Confluent's `validateAll`, the transitive modes walk the versions newest first and report
 * the first version that fails (`allVersions` reports every failing one). FULL checks the old
 * schema reading the new one, then the new one reading the old.
 * Findings sit in the current file: BACKWARD makes it the reader, FORWARD the writer. Each one
 * carries Java's location and points into the earlier version through `baseline` and `related`.
 */
import type { AvroFile } from '../../avro/ast';
import type { AvroRegistry } from '../../avro/registry';
import type { Related } from '../../diagnostics/diagnostic';
import { compareFindings, type Finding, type FindingAnchor } from '../finding';
import { fileResolver } from '../../avro/canonical';
import { walkFile } from '../../avro/walk';
import type { Fix } from '../../diagnostics/diagnostic';
import { checkAvroCompat } from './checker';
import { backwardFixes } from './fixes';
import { incompatibilityMessage, type EditedSide } from './messages';
import { pairSchemas } from './pairing';
import type { AvroIncompatibility } from './types';

export const AVRO_COMPAT_MODES = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
export type AvroCompatMode = (typeof AVRO_COMPAT_MODES)[number];

/** One version of a schema file. */
export interface AvroVersion {
  readonly file: AvroFile;
  readonly uri: string;
  /** The path findings report (relative, `/` separators); the uri when absent. */
  readonly path?: string;
  /** Other files of the same version, for names the file uses but does not define. */
  readonly registry?: AvroRegistry;
  /** A short name for messages: `git:HEAD`, `version 3`. */
  readonly label?: string;
}

export interface AvroFinding extends Finding {
  /** Java's location, in the reader's coordinates (the earlier version's for FORWARD). */
  readonly location: string;
  /** `backward`: the new schema reads old data; `forward`: the old schema reads new data. */
  readonly direction: 'backward' | 'forward';
  /** The index in `previous` of the version this finding is against. */
  readonly version: number;
  /** The full name of the compared type when files were matched type by type. */
  readonly schemaName?: string;
}

export interface AvroModeOptions {
  /** Compare only this named type (full name) of the current file. */
  readonly schema?: string;
  /** Report every failing earlier version, not only the newest one that fails. */
  readonly allVersions?: boolean;
}

export function checkAvroMode(current: AvroVersion, previous: readonly AvroVersion[], mode: AvroCompatMode, options: AvroModeOptions = {}): AvroFinding[] {
  if (mode === 'NONE' || previous.length === 0) return [];
  const transitive = mode.endsWith('_TRANSITIVE');
  const directions: ('forward' | 'backward')[] = mode.startsWith('FULL') ? ['forward', 'backward'] : mode.startsWith('FORWARD') ? ['forward'] : ['backward'];
  const indexes = transitive ? previous.map((_, i) => i).reverse() : [previous.length - 1];
  const out: AvroFinding[] = [];
  for (const index of indexes) {
    const found: AvroFinding[] = [];
    for (const direction of directions) found.push(...checkAgainst(current, previous[index]!, index, direction, options.schema));
    out.push(...found);
    if (found.length > 0 && !options.allVersions) break;
  }
  return dedupe(out).sort(compareFindings);
}

/** The findings of one direction against one earlier version. */
export function checkAgainst(current: AvroVersion, old: AvroVersion, version: number, direction: 'backward' | 'forward', only?: string): AvroFinding[] {
  const out: AvroFinding[] = [];
  const fixesFor = direction === 'backward' ? fixer(current) : () => [];
  const pairs = pairSchemas(current.file, old.file, { only, currentRegistry: current.registry, previousRegistry: old.registry });
  for (const pair of pairs) {
    const now = { schema: pair.current, file: current.file, registry: current.registry };
    const then = { schema: pair.previous, file: old.file, registry: old.registry };
    const edited: EditedSide = direction === 'backward' ? 'reader' : 'writer';
    const result = direction === 'backward' ? checkAvroCompat(now, then) : checkAvroCompat(then, now);
    for (const inc of result.incompatibilities) out.push(toFinding(inc, edited, current, old, version, direction, pair.name, fixesFor(inc)));
  }
  return out;
}

/** Whether the new schema lost the element (so the finding sits on its parent). */
function deleted(inc: AvroIncompatibility, edited: EditedSide): boolean {
  if (edited === 'reader') return inc.type === 'MISSING_ENUM_SYMBOLS' || (inc.type === 'MISSING_UNION_BRANCH' && inc.facts.writerBranch !== undefined);
  return inc.readerField !== undefined;
}

function toFinding(
  inc: AvroIncompatibility,
  edited: EditedSide,
  current: AvroVersion,
  old: AvroVersion,
  version: number,
  direction: 'backward' | 'forward',
  schemaName: string | undefined,
  fixes: readonly Fix[],
): AvroFinding {
  const here = edited === 'reader' ? inc.reader : inc.writer;
  const there = edited === 'reader' ? inc.writer : inc.reader;
  const where = old.label ? ` (${old.label})` : '';
  const oldSpans = there.items && there.items.length > 0 && edited === 'reader' ? there.items : [there.span];
  const related: Related[] = oldSpans.map((span) => ({ uri: old.uri, span, message: `in the old schema${where}` }));
  const anchor: FindingAnchor = deleted(inc, edited) ? 'parent' : 'element';
  return {
    code: inc.type,
    severity: 'error',
    message: incompatibilityMessage(inc, edited),
    span: here.span,
    related,
    uri: current.uri,
    path: current.path ?? current.uri,
    anchor,
    baseline: { uri: old.uri, span: oldSpans[0]! },
    location: inc.location,
    direction,
    version,
    ...(schemaName !== undefined ? { schemaName } : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
  };
}

/** Quick fixes for the current file, offered only for nodes written in it. */
function fixer(current: AvroVersion): (inc: AvroIncompatibility) => Fix[] {
  let owned: Set<object> | undefined;
  const resolve = fileResolver(current.file, current.registry);
  return (inc) => {
    if (!owned) {
      const nodes = new Set<object>();
      walkFile(current.file, { schema: (s) => void nodes.add(s), field: (f) => void nodes.add(f) });
      owned = nodes;
    }
    const node = inc.readerField ?? inc.readerSchema;
    return owned.has(node) ? backwardFixes(inc, current.file, resolve) : [];
  };
}

function dedupe(findings: readonly AvroFinding[]): AvroFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.version}|${f.direction}|${f.code}|${f.span.start}|${f.span.end}|${f.location}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
