/** Every schema format the CLI checks. A format is added here and nowhere else in cli/. */
import type { SchemaChecker } from './checker';
import { avroChecker } from './avro';
import { protoChecker } from './proto';

export const CHECKERS: readonly SchemaChecker[] = [protoChecker, avroChecker];

export function checkerFor(path: string): SchemaChecker | undefined {
  const lower = path.toLowerCase();
  return CHECKERS.find((c) => c.extensions.some((ext) => lower.endsWith(ext)));
}
