/**
 * The workspace's named Avro types across files, so a reference in one `.avsc` resolves to a type
 * defined in another (Confluent schema references, avro-tools and IDL imports). Pure data: the
 * host decides which files exist and feeds their parsed trees in. Setting a file only indexes the
 * tree it is given; no other file is parsed or re-indexed.
 */
import type { AvroFile, NamedSchema, ReferenceSchema } from './ast';
import { referenceCandidates } from './names';
import { namedDefinitions, namedReferences } from './walk';

export interface AvroDefinition {
  readonly uri: string;
  readonly fullName: string;
  readonly schema: NamedSchema;
}

export interface AvroReference {
  readonly uri: string;
  readonly reference: ReferenceSchema;
}

interface Entry {
  readonly file: AvroFile;
  readonly definitions: readonly AvroDefinition[];
  readonly local: ReadonlyMap<string, AvroDefinition>;
  readonly references: readonly ReferenceSchema[];
}

export class AvroRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly byName = new Map<string, AvroDefinition[]>();
  /** Reference candidates -> files that may use the name, for dependents and find-references. */
  private readonly usersByName = new Map<string, Set<string>>();

  /** Adds or replaces a file's definitions and references. */
  setFile(uri: string, file: AvroFile): void {
    this.removeFile(uri);
    const definitions: AvroDefinition[] = [];
    const local = new Map<string, AvroDefinition>();
    for (const schema of namedDefinitions(file)) {
      const d: AvroDefinition = { uri, fullName: schema.fullName!, schema };
      definitions.push(d);
      if (!local.has(d.fullName)) local.set(d.fullName, d);
      const list = this.byName.get(d.fullName);
      if (list) list.push(d);
      else this.byName.set(d.fullName, [d]);
    }
    const references = namedReferences(file);
    for (const r of references) {
      for (const c of referenceCandidates(r)) {
        let users = this.usersByName.get(c);
        if (!users) this.usersByName.set(c, (users = new Set()));
        users.add(uri);
      }
    }
    this.entries.set(uri, { file, definitions, local, references });
  }

  removeFile(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.entries.delete(uri);
    for (const d of e.definitions) {
      const list = this.byName.get(d.fullName)?.filter((x) => x.uri !== uri);
      if (list && list.length > 0) this.byName.set(d.fullName, list);
      else this.byName.delete(d.fullName);
    }
    for (const r of e.references) {
      for (const c of referenceCandidates(r)) {
        const users = this.usersByName.get(c);
        if (!users) continue;
        users.delete(uri);
        if (users.size === 0) this.usersByName.delete(c);
      }
    }
  }

  file(uri: string): AvroFile | undefined {
    return this.entries.get(uri)?.file;
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** Every definition of a full name, in the order the files were set. */
  lookup(fullName: string): readonly AvroDefinition[] {
    return this.byName.get(fullName) ?? [];
  }

  definitionsIn(uri: string): readonly AvroDefinition[] {
    return this.entries.get(uri)?.definitions ?? [];
  }

  /** All full names defined anywhere, for completion and "did you mean". */
  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  /**
   * What a reference in `uri` denotes: a definition in the same file first, then one in another
   * file. `except` skips a file (the one being checked, whose own tree the caller searches).
   */
  resolve(reference: ReferenceSchema, uri: string | undefined, except?: string): AvroDefinition | undefined {
    const local = uri === undefined ? undefined : this.entries.get(uri)?.local;
    for (const c of referenceCandidates(reference)) {
      const own = uri !== except ? local?.get(c) : undefined;
      if (own) return own;
      const other = this.lookup(c).find((d) => d.uri !== uri && d.uri !== except);
      if (other) return other;
    }
    return undefined;
  }

  /** References anywhere that resolve to `fullName`. */
  referencesTo(fullName: string): AvroReference[] {
    const out: AvroReference[] = [];
    for (const uri of this.usersByName.get(fullName) ?? []) {
      for (const r of this.entries.get(uri)!.references) {
        if (this.resolve(r, uri)?.fullName === fullName) out.push({ uri, reference: r });
      }
    }
    return out;
  }

  /**
   * Files other than `uri` that use a name `uri` defines: the ones to re-check after it changes.
   * Call it before and after `setFile` to also catch users of names the edit removed.
   */
  dependents(uri: string): string[] {
    const out = new Set<string>();
    for (const d of this.definitionsIn(uri)) {
      // Candidates include the null-namespace fallback, so simple names are covered too.
      for (const user of this.usersByName.get(d.fullName) ?? []) if (user !== uri) out.add(user);
    }
    return [...out].sort();
  }
}
