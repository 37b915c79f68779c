/**
 * Checks .avsc and .avdl files. All files found are one workspace: a name one schema defines
 * resolves in the others, as with Confluent schema references or avro-tools' multi-file compile.
 * A file named on its own also sees the schemas beside it, the way a .proto file sees its imports,
 * but only the files asked for are reported.
 *
 * An IDL file sees what it defines and what its imports bring in, as Avro's IDL compiler does.
 * Imports are resolved relative to the importing file and read only below the PATH roots (the
 * folders given, and the folder of each file given), symlinks resolved.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkAvro } from '../../core/avro/check';
import { AvroRegistry } from '../../core/avro/registry';
import { AvroFiles } from '../../host/avroFiles';
import { pathOf, uriOf } from '../../host/protoFiles';
import type { CheckerResult, InputFile, SchemaChecker } from './checker';

export const avroChecker: SchemaChecker = {
  name: 'avro',
  extensions: ['.avsc', '.avdl'],
  check(files: readonly InputFile[]): CheckerResult {
    const roots = [...new Set(files.map((f) => (f.originIsFolder ? f.origin : dirname(f.path))))];
    const avro = new AvroFiles(new AvroRegistry(), roots, undefined, 'paths');
    const inputs = files.map((f) => ({ input: f, uri: avro.addFile(f.path, f.text) ?? uriOf(f.path) }));
    const named = new Set(files.map((f) => f.path));
    const folders = new Set(files.filter((f) => !f.originIsFolder).map((f) => dirname(f.path)));
    for (const path of [...folders].flatMap(siblingSchemas)) if (!named.has(path)) avro.addFile(path);
    avro.loadImports(inputs.map((i) => i.uri));
    return {
      files: inputs.map(({ input, uri }) => {
        const file = avro.registry.file(uri);
        const diagnostics = file ? [...checkAvro(file, avro.scope(uri), { uri }), ...avro.importDiagnostics(uri)] : [];
        diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
        return { path: input.path, text: input.text, diagnostics };
      }),
      problems: [],
      source: (uri) => {
        const file = avro.registry.file(uri);
        const path = pathOf(uri);
        return file && path ? { path, text: file.text } : undefined;
      },
    };
  },
};

function siblingSchemas(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.(avsc|avdl)$/i.test(e.name))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}
