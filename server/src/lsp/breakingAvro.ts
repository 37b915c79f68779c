/**
 * Breaking-change findings for one open .avsc or .avdl file: Avro's schema resolution against the
 * earlier version(s) in the baseline, in a Confluent mode (the setting, else a registry subject's
 * own level, else BACKWARD), as `event-schemas breaking` runs it. The old files of a version are
 * parsed once per baseline content, into one registry so that names they share resolve.
 */
import { parseAvro, syntaxOfPath } from '../core/avro';
import type { AvroFile } from '../core/avro/ast';
import { AvroRegistry } from '../core/avro/registry';
import { checkAvroMode, type AvroCompatMode, type AvroFinding, type AvroVersion } from '../core/compat/avro';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { BreakingSettings } from '../protocol';
import { resolverFor } from '../service/avro/project';
import { avroFixes } from '../service/breaking/avroFixes';
import { avroStandsFor, sameBaseName } from '../service/breaking/singleSchema';
import { relPath, type BaselineEntry } from './baselines';
import type { FolderState } from './folders';

export interface AvroCheck {
  readonly diagnostics: Diagnostic[];
  readonly texts: Map<string, string>;
}

interface OldVersion {
  readonly registry: AvroRegistry;
  readonly byPath: Map<string, { file: AvroFile; uri: string; origin: string }>;
  readonly label: string;
}

export function avroMode(settings: BreakingSettings, entry: BaselineEntry): AvroCompatMode {
  return settings.mode === 'auto' ? (entry.baseline?.compatibility ?? 'BACKWARD') : settings.mode;
}

export function checkAvroFile(folder: FolderState, uri: string, path: string, settings: BreakingSettings, entry: BaselineEntry): AvroCheck {
  const texts = new Map<string, string>();
  const file = folder.avro.registry.file(uri);
  const mode = avroMode(settings, entry);
  if (!file || mode === 'NONE' || !entry.baseline) return { diagnostics: [], texts };
  if (!file.schema && !file.protocol && file.types.length === 0) return { diagnostics: [], texts };
  const rel = relPath(folder.folderPath, path);
  const transitive = mode.endsWith('_TRANSITIVE');
  const indexes = transitive ? [...Array(entry.versionCount).keys()] : [entry.versionCount - 1];

  const previous: AvroVersion[] = [];
  const oldFiles = new Map<string, AvroFile>();
  for (const index of indexes) {
    const v = oldVersion(entry, index);
    const found = v.byPath.get(rel);
    // One schema stands for one file of the folder: its namesake, or the file of the same type.
    const old = found && entry.singleFile && !(sameBaseName(found.origin, rel) || avroStandsFor(file, found.file)) ? undefined : found;
    if (!old) continue;
    previous.push({ file: old.file, uri: old.uri, path: rel, registry: v.registry, label: v.label });
    oldFiles.set(old.uri, old.file);
    texts.set(old.uri, old.file.text);
  }
  if (previous.length === 0) return { diagnostics: [], texts };
  const findings = checkAvroMode({ file, uri, path: rel, registry: folder.avro.scope(uri), label: 'current' }, previous, mode);
  const resolveName = resolverFor(folder.avro, uri);
  const diagnostics = findings.map((f: AvroFinding): Diagnostic => {
    if (f.direction !== 'backward') return f;
    const fixes = avroFixes(f, file, resolveName, f.baseline ? oldFiles.get(f.baseline.uri) : undefined);
    return fixes.length ? { ...f, fixes } : f;
  });
  return { diagnostics, texts };
}

function oldVersion(entry: BaselineEntry, index: number): OldVersion {
  return entry.cached(`avro|${index}`, () => {
    const version = entry.baseline?.versions[index];
    const registry = new AvroRegistry();
    const byPath = new Map<string, { file: AvroFile; uri: string; origin: string }>();
    for (const f of version?.files ?? []) {
      // Registry references are named by full name, not by a path with an extension.
      const syntax = syntaxOfPath(f.path) ?? (f.reference && f.schemaType === 'AVRO' ? 'avsc' : undefined);
      if (!syntax) continue;
      const uri = entry.uriOf(index, f);
      const file = parseAvro(f.text, syntax, uri);
      registry.setFile(uri, file);
      if (f.reference) continue;
      if (!byPath.has(f.path)) byPath.set(f.path, { file, uri, origin: f.origin });
    }
    return { registry, byPath, label: version?.label ?? entry.text };
  });
}
