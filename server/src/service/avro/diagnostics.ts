/**
 * The diagnostics of one Avro file: the core's checks, with names resolved against the file's
 * scope (an IDL file sees its imports; a JSON schema sees the workspace). Cached per file and
 * project generation: validation and every code action request of an unchanged workspace share
 * one check.
 */
import type { AvroFile } from '../../core/avro/ast';
import { checkAvro } from '../../core/avro/check';
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import { guard } from '../proto/guard';
import { fileOf, type AvroProject } from './project';

const cache = new WeakMap<AvroFile, { project: AvroProject; generation: number; uri: string; diagnostics: Diagnostic[] }>();

export function avroDiagnostics(project: AvroProject, uri: string): Diagnostic[] {
  return guard('avro diagnostics', [], () => {
    const file = fileOf(project, uri);
    if (!file) return [];
    const hit = cache.get(file);
    if (hit && project.generation !== undefined && hit.project === project && hit.generation === project.generation && hit.uri === uri) return hit.diagnostics;
    const diagnostics = checkAvro(file, project.scope(uri), { uri });
    if (project.generation !== undefined) cache.set(file, { project, generation: project.generation, uri, diagnostics });
    return diagnostics;
  });
}
