/**
 * The diagnostics of one Avro file: the core's checks, with names resolved against the file's
 * scope (an IDL file sees its imports; a JSON schema sees the workspace).
 */
import { checkAvro } from '../../core/avro/check';
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import { guard } from '../proto/guard';
import { fileOf, type AvroProject } from './project';

export function avroDiagnostics(project: AvroProject, uri: string): Diagnostic[] {
  return guard('avro diagnostics', [], () => {
    const file = fileOf(project, uri);
    return file ? checkAvro(file, project.scope(uri), { uri }) : [];
  });
}
