/**
 * The Avro core: pure functions from text to a positioned syntax tree and diagnostics.
 *
 * Parse (one file, never throws, no IO):
 *   parseAvsc(text, uri?)  `.avsc` schema (JSON)          -> AvroFile { schema }
 *   parseAvpr(text, uri?)  `.avpr` protocol (JSON)        -> AvroFile { protocol }
 *   parseAvdl(text)        `.avdl` Avro IDL 1.12          -> AvroFile { protocol } or
 *                          schema syntax                   -> AvroFile { namespace?, schema?, types, imports }
 *   parseAvro(text, syntax, uri?) dispatches on 'avsc' | 'avpr' | 'avdl' (see syntaxOfPath).
 *   All three lower into the same AST (ast.ts): every schema node, field, name, namespace, alias,
 *   default, doc, symbol and logical type keeps the span of its text. `AvroFile.diagnostics`
 *   holds the syntax and structure problems found while parsing.
 *
 * Check (semantics, the same for every syntax):
 *   checkAvro(file, registry?, { uri?, names? }) -> Diagnostic[]
 *   Returns the parse diagnostics plus names, duplicates, references, defaults, enums, fixed,
 *   unions, logical types and protocol messages, sorted by position, each on the smallest node.
 *   Names a file does not define resolve through `registry`, so `avro/unknown-type` means no
 *   file defines the name. Codes and meanings: AVRO_CODES (codes.ts).
 *
 * Cross-file names (incremental: setting one file indexes only that file's tree):
 *   const registry = new AvroRegistry();
 *   registry.setFile(uri, parsed); registry.removeFile(uri);
 *   registry.lookup(fullName)        -> definitions (uri, fullName, schema node) in every file
 *   registry.definitionsIn(uri)      -> a file's named types
 *   registry.resolve(ref, uri)       -> the definition a reference node denotes
 *   registry.referencesTo(fullName)  -> every reference node (with its uri) that denotes it
 *   registry.dependents(uri)         -> files to re-check after `uri` changes
 *   IDL `import` statements are recorded in `AvroFile.imports` with spans; loading the imported
 *   files and putting them in the registry is the host's job.
 *
 * Traverse and print:
 *   walkFile / walkSchema (depth first, types before messages), namedDefinitions, namedReferences
 *   fileToJson / schemaToJson / protocolToJson: normalized Avro JSON (full names, fixed key order),
 *     the same for an IDL file and its JSON equivalent
 *   parsingCanonicalForm + rabinFingerprint: the spec's canonical form and 64-bit fingerprint
 */
import type { AvroFile, AvroSyntax } from './ast';
import { parseAvpr, parseAvsc } from './fromJson';
import { parseAvdl } from './idl/parser';

export * from './ast';
export type { JsonArray, JsonBoolean, JsonMember, JsonNull, JsonNumber, JsonObject, JsonString, JsonValue } from './json';
export { member as jsonMember, toPlain as jsonToPlain } from './json';
export { parseAvsc, parseAvpr } from './fromJson';
export { parseAvdl } from './idl/parser';
export { checkAvro, type CheckOptions } from './check';
export { AvroRegistry, type AvroDefinition, type AvroReference } from './registry';
export { walkFile, walkSchema, walkMessage, namedDefinitions, namedReferences, topLevelSchemas, type AvroVisitor } from './walk';
export { fileToJson, schemaToJson, protocolToJson, parsingCanonicalForm, rabinFingerprint, fileResolver, type Resolver } from './canonical';
export { checkDefaultValue, type DefaultVerdict } from './defaults';
export { LOGICAL_TYPES, maxDecimalPrecision } from './logicalTypes';
export { nameProblem, dottedNameProblem, qualify, resolveDefinitionName, referenceCandidates, type NameRule } from './names';
export { AVRO_CODES } from './codes';

/** Parses text of the given syntax. */
export function parseAvro(text: string, syntax: AvroSyntax, uri = ''): AvroFile {
  switch (syntax) {
    case 'avsc':
      return parseAvsc(text, uri);
    case 'avpr':
      return parseAvpr(text, uri);
    case 'avdl':
      return parseAvdl(text);
  }
}

/** The syntax a path's extension implies, or undefined for other files. */
export function syntaxOfPath(path: string): AvroSyntax | undefined {
  const m = /\.(avsc|avpr|avdl)$/i.exec(path);
  return m ? (m[1]!.toLowerCase() as AvroSyntax) : undefined;
}
