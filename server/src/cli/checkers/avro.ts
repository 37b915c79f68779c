/**
 * Checks .avsc files. All files found are one workspace: a name one schema defines resolves in
 * the others, as with Confluent schema references or avro-tools' multi-file compile. A file named
 * on its own also sees the .avsc files beside it, the way a .proto file sees its imports, but
 * only the files asked for are reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkAvro } from '../../core/avro/check';
import { parseAvsc } from '../../core/avro/fromJson';
import { AvroRegistry } from '../../core/avro/registry';
import { pathOf, uriOf } from '../../host/protoFiles';
import type { CheckerResult, InputFile, SchemaChecker } from './checker';

export const avroChecker: SchemaChecker = {
  name: 'avro',
  extensions: ['.avsc'],
  check(files: readonly InputFile[]): CheckerResult {
    const registry = new AvroRegistry();
    const parsed = files.map((f) => {
      const uri = uriOf(f.path);
      const file = parseAvsc(f.text, uri);
      registry.setFile(uri, file);
      return { input: f, uri, file };
    });
    const inputs = new Set(files.map((f) => f.path));
    const folders = new Set(files.filter((f) => !f.originIsFolder).map((f) => dirname(f.path)));
    for (const path of [...folders].flatMap(siblingSchemas)) {
      if (inputs.has(path)) continue;
      const text = readOrUndefined(path);
      if (text !== undefined) registry.setFile(uriOf(path), parseAvsc(text, uriOf(path)));
    }
    return {
      files: parsed.map(({ input, uri, file }) => ({
        path: input.path,
        text: input.text,
        diagnostics: checkAvro(file, registry, { uri }),
      })),
      problems: [],
      source: (uri) => {
        const file = registry.file(uri);
        const path = pathOf(uri);
        return file && path ? { path, text: file.text } : undefined;
      },
    };
  },
};

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
