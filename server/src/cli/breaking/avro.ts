/**
 * Avro files against their earlier versions, with Avro's resolution rules in a Confluent mode.
 * Files are matched by path; when one Avro file is checked and a version holds one Avro file,
 * the two are matched whatever their names (a registry subject, `old.avsc` vs `new.avsc`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { AvroFile } from '../../core/avro/ast';
import { parseAvro, syntaxOfPath } from '../../core/avro';
import { AvroRegistry } from '../../core/avro/registry';
import { checkAvroMode, type AvroCompatMode, type AvroVersion } from '../../core/compat/avro';
import type { Finding } from '../../core/compat/finding';
import { uriOf } from '../../host/protoFiles';
import type { InputFile } from '../checkers/checker';
import type { BaselineDoc, BaselineDocs } from './docs';

export const AVRO_EXTENSIONS: readonly string[] = ['.avsc', '.avdl'];

export function isAvroPath(path: string): boolean {
  const lower = path.toLowerCase();
  return AVRO_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export interface AvroCompareInput {
  readonly cwd: string;
  /** The current .avsc and .avdl files. */
  readonly current: readonly InputFile[];
  readonly docs: BaselineDocs;
  /** Which versions (indexes into docs.versions, oldest first) take part. */
  readonly versions: readonly number[];
  readonly mode: AvroCompatMode;
}

export interface CompareResult {
  readonly findings: readonly Finding[];
  readonly problems: readonly string[];
}

export function compareAvro(input: AvroCompareInput): CompareResult {
  if (input.mode === 'NONE' || input.current.length === 0) return { findings: [], problems: [] };
  const problems: string[] = [];
  const registry = new AvroRegistry();
  const current = input.current.map((f) => {
    const uri = uriOf(f.path);
    const file = parseAvro(f.text, syntaxOfPath(f.path) ?? 'avsc', uri);
    registry.setFile(uri, file);
    return { uri, file, path: relative(input.cwd, f.path).split(sep).join('/') };
  });

  // As `check` does: a file named on its own sees the .avsc files beside it, for the names it uses.
  const named = new Set(input.current.map((f) => f.path));
  for (const dir of new Set(input.current.filter((f) => !f.originIsFolder).map((f) => dirname(f.path)))) {
    for (const path of siblingSchemas(dir)) {
      if (named.has(path)) continue;
      const text = readOrUndefined(path);
      if (text !== undefined) registry.setFile(uriOf(path), parseAvro(text, 'avsc', uriOf(path)));
    }
  }

  const versions = input.versions.map((index) => oldVersion(input.docs.versions[index] ?? []));
  const findings: Finding[] = [];
  for (const now of current) {
    if (!hasSchemas(now.file)) continue; // nothing to compare; the file's own diagnostics say why
    const previous: AvroVersion[] = [];
    for (const v of versions) {
      const doc = v.byPath.get(now.path) ?? (current.length === 1 && v.files.length === 1 ? v.files[0] : undefined);
      if (!doc) continue;
      if (!hasSchemas(doc.file)) {
        problems.push(`cannot compare ${now.path} with ${doc.doc.origin}: the old version is not a valid Avro schema`);
        continue;
      }
      previous.push({ file: doc.file, uri: doc.doc.uri, path: doc.doc.path, registry: v.registry, label: doc.doc.versionLabel });
    }
    if (previous.length === 0) continue; // a new file: nothing earlier to be compatible with
    findings.push(...checkAvroMode({ file: now.file, uri: now.uri, path: now.path, registry, label: 'current' }, previous, input.mode));
  }
  return { findings, problems };
}

interface OldFile {
  readonly doc: BaselineDoc;
  readonly file: AvroFile;
}

function oldVersion(docs: readonly BaselineDoc[]): { byPath: Map<string, OldFile>; files: OldFile[]; registry: AvroRegistry } {
  const registry = new AvroRegistry();
  const byPath = new Map<string, OldFile>();
  const files: OldFile[] = [];
  for (const doc of docs) {
    // Registry references are named by full name, not by a path with an extension.
    const syntax = syntaxOfPath(doc.path) ?? (doc.reference && doc.schemaType === 'AVRO' ? 'avsc' : undefined);
    if (!syntax) continue;
    const file = parseAvro(doc.text, syntax, doc.uri);
    registry.setFile(doc.uri, file);
    if (doc.reference) continue;
    const old = { doc, file };
    files.push(old);
    byPath.set(doc.path, old);
  }
  return { byPath, files, registry };
}

function siblingSchemas(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.avsc'))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function hasSchemas(file: AvroFile): boolean {
  return file.schema !== undefined || file.protocol !== undefined || file.types.length > 0;
}
