/**
 * A baseline that holds one schema (a file, a list of versions of one file, a registry subject)
 * stands for one schema of the workspace, but the setting applies to a whole folder. These rules
 * say which open file it stands for, so other files are not compared with an unrelated schema:
 * - a file of the same name (`old/orders.avsc` for `orders.avsc`);
 * - Avro: the same main type, by full name, or the old name among the new type's aliases;
 * - Protobuf: the same package.
 */
import type { AvroFile, AvroSchema, NamedSchema } from '../../core/avro/ast';
import { isNamedSchema } from '../../core/avro/ast';
import { topLevelSchemas } from '../../core/avro/walk';

export function sameBaseName(a: string, b: string): boolean {
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1).toLowerCase();
  return base(a) === base(b);
}

/** The file's main type: its schema's named type, else its first top-level named type. */
function mainType(file: AvroFile): NamedSchema | undefined {
  const first = (s: AvroSchema | undefined): NamedSchema | undefined => (s && isNamedSchema(s) ? s : undefined);
  return first(file.schema) ?? topLevelSchemas(file).map(first).find((s) => s !== undefined);
}

export function avroStandsFor(current: AvroFile, old: AvroFile): boolean {
  const now = mainType(current);
  const then = mainType(old);
  if (!now?.fullName || !then?.fullName) return false;
  if (now.fullName === then.fullName) return true;
  const qualify = (alias: string) => (alias.includes('.') || now.namespace === '' ? alias : `${now.namespace}.${alias}`);
  return now.aliases.some((a) => qualify(a.text) === then.fullName);
}

export function protoPackageOf(text: string): string | undefined {
  return /^\s*package\s+([\w.]+)\s*;/m.exec(text)?.[1];
}
