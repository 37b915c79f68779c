/**
 * Avro fixtures for the service tests, in the mini-language of ../fixture.ts (`//- path` starts a
 * file, `$0` is the cursor, `// ^^^ label` marks the line above). Text before the first header is
 * `main.avsc`. Every file goes into one AvroRegistry; IDL imports resolve relative to the
 * importing file among the fixture's files, and an IDL file sees only itself and its imports,
 * as with the language server's loader.
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { parseAvro, syntaxOfPath, type AvroImport } from '../../../server/src/core/avro/index';
import { AvroRegistry } from '../../../server/src/core/avro/registry';
import { setInternalErrorReporter } from '../../../server/src/service/proto/guard';
import type { AvroProject } from '../../../server/src/service/avro/project';
import { fixture, uriOf, type Fixture } from '../fixture';

/** Runs a feature and fails when it hit an internal error (which the guard turns into an empty answer). */
export function noThrow<T>(run: () => T): T {
  const errors: string[] = [];
  const previous = setInternalErrorReporter((feature, e) => errors.push(`${feature}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  try {
    const result = run();
    assert.deepEqual(errors, [], 'internal errors');
    return result;
  } finally {
    setInternalErrorReporter(previous);
  }
}

export interface AvroFixture extends Omit<Fixture, 'project'> {
  readonly project: AvroProject;
  readonly registry: AvroRegistry;
}

export function avroFixture(source: string): AvroFixture {
  const text = /^\n?\/\/- /.test(source) ? source : `//- main.avsc\n${source.replace(/^\n/, '')}`;
  const f = fixture(text);
  const registry = new AvroRegistry();
  for (const file of f.files) registry.setFile(file.uri, parseAvro(file.text, syntaxOfPath(file.path) ?? 'avsc', file.uri));
  const importTarget = (uri: string, node: AvroImport): string | undefined => {
    const from = f.files.find((x) => x.uri === uri);
    if (!from) return undefined;
    const path = posix.normalize(posix.join(posix.dirname(from.path), node.path.value));
    return f.files.some((x) => x.path === path) ? uriOf(path) : undefined;
  };
  const project: AvroProject = {
    registry,
    importTarget,
    scope(uri) {
      const file = registry.file(uri);
      if (file?.syntax !== 'avdl') return registry;
      const seen: string[] = [];
      const visit = (u: string) => {
        if (seen.includes(u) || !registry.file(u)) return;
        seen.push(u);
        for (const imp of registry.file(u)!.imports) {
          const t = importTarget(u, imp);
          if (t) visit(t);
        }
      };
      visit(uri);
      const scoped = new AvroRegistry();
      for (const u of seen) scoped.setFile(u, registry.file(u)!);
      return scoped;
    },
  };
  return { ...f, project, registry };
}
