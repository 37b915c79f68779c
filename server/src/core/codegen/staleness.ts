/**
 * "Generated code is stale" for the editor: what each schema file's module should record in its
 * header, computed from the model without generating any code, and the comparison with the
 * header of the file on disk.
 */
import type { EventModel, ModelFile } from '../model/types';
import { readGeneratedHeader, schemaHash } from './header';
import { modulePath } from './naming';

export interface ExpectedModule {
  readonly sourceUri: string;
  /** Below the output folder, `/`-separated. */
  readonly path: string;
  readonly hash: string;
}

/** The hash a module generated from `file` records. */
export function schemaHashOf(file: ModelFile): string {
  return schemaHash(
    file.text,
    file.dependencies.map((d) => d.text),
  );
}

/** The modules `generate(model)` writes for schema files, with the hash each header will carry. */
export function expectedModules(model: EventModel): ExpectedModule[] {
  return model.files
    .filter((f) => f.types.length > 0 || f.unions.length > 0)
    .map((f) => ({ sourceUri: f.uri, path: modulePath(f), hash: schemaHashOf(f) }));
}

export type Freshness = 'fresh' | 'stale' | 'missing' | 'foreign';

/**
 * How the text on disk (undefined when there is no file) compares with what would be generated:
 * `foreign` is a file generate would refuse to replace.
 */
export function freshness(onDisk: string | undefined, expected: ExpectedModule): Freshness {
  if (onDisk === undefined) return 'missing';
  const header = readGeneratedHeader(onDisk);
  if (!header) return 'foreign';
  return header.hash === expected.hash ? 'fresh' : 'stale';
}
