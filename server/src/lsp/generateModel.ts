/**
 * The event model of schema files as the editor holds them (open documents' texts, the folder's
 * Protobuf project and Avro registry), laid out as `event-schemas generate .` run in the workspace
 * folder lays it out: Protobuf modules by import path, Avro modules by path below the folder.
 */
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { lowerAvro, lowerProto, mergeModels, type AvroInput, type EventModel } from '../core/model/index';
import { LineIndex } from '../core/text/lineIndex';
import { pathOf } from '../host/protoFiles';
import { avroDiagnostics } from '../service/avro/diagnostics';
import type { FolderState } from './folders';

const AVRO = /\.(avsc|avdl)$/i;

export function isAvroPath(uri: string): boolean {
  return AVRO.test(uri);
}

/** Avro modules mirror the path below the workspace folder. */
function avroPath(folder: FolderState, uri: string): string | undefined {
  const path = pathOf(uri);
  if (!path) return undefined;
  const rel = relative(folder.folderPath, path);
  return rel.startsWith('..') ? undefined : rel.split(sep).join('/');
}

/**
 * Makes sure the files are in the folder's project or registry (reading them from disk when no
 * editor has them open) with their imports. Returns the uris it could not read.
 */
export function loadInputs(folder: FolderState, uris: readonly string[]): string[] {
  const unreadable: string[] = [];
  const proto: string[] = [];
  const avro: string[] = [];
  for (const uri of uris) {
    const path = pathOf(uri);
    if (isAvroPath(uri)) {
      if (folder.avro.registry.file(uri) || (path && folder.avro.addFile(path))) avro.push(uri);
      else unreadable.push(uri);
    } else if (folder.project.has(uri) || (path && folder.files.addFile(path))) proto.push(uri);
    else unreadable.push(uri);
  }
  folder.files.loadImports(proto);
  folder.avro.loadImports(avro);
  return unreadable;
}

/** The model of `uris`, lowered once; modules of files they use are included without their unions. */
export function shallowModel(folder: FolderState, uris: readonly string[]): EventModel {
  const proto = uris.filter((u) => !isAvroPath(u) && folder.project.has(u));
  const avro = uris
    .filter((u) => isAvroPath(u) && folder.avro.registry.file(u))
    .map((uri): AvroInput | undefined => {
      const path = avroPath(folder, uri);
      return path === undefined ? undefined : { uri, path };
    })
    .filter((i): i is AvroInput => i !== undefined);
  const models: EventModel[] = [];
  if (proto.length) models.push(lowerProto(folder.project, proto));
  if (avro.length) models.push(lowerAvro(folder.avro.registry, avro, { pathOf: (u) => avroPath(folder, u) }));
  return mergeModels(...models);
}

/**
 * The model to generate from: `uris` and every file they use, all as inputs, so that each module
 * written is complete (a module generated only as another's dependency would lack its unions).
 */
export function closureModel(folder: FolderState, uris: readonly string[]): EventModel {
  const closure = new Set([...uris, ...shallowModel(folder, uris).files.map((f) => f.uri)]);
  return shallowModel(folder, [...closure]);
}

/** Errors in the model's schema files, as `path:line:col: message`; code generated from them would be wrong. */
export function schemaErrors(folder: FolderState, model: EventModel): string[] {
  const out: string[] = [];
  for (const file of model.files) {
    const diagnostics: readonly Diagnostic[] = isAvroPath(file.uri)
      ? [...avroDiagnostics(folder.avro, file.uri), ...folder.avro.importDiagnostics(file.uri)]
      : folder.project.diagnostics(file.uri);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) continue;
    const lines = new LineIndex(file.text);
    const path = pathOf(file.uri);
    const shown = path ? relative(folder.folderPath, path).split(sep).join('/') : file.uri;
    for (const d of errors) {
      const p = lines.positionAt(d.span.start);
      out.push(`${shown}:${p.line + 1}:${p.character + 1}: ${d.message}`);
    }
  }
  return out;
}
