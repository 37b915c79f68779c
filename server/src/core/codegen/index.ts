/**
 * TypeScript generation from the event model (see DESIGN.md, "Generated TypeScript"):
 *   generate(model)              -> { files: [{ path, text, sourceUri? }] }: modules + runtime
 *   schemaHash(text, deps)       -> the hash a generated header records, to detect stale code
 *   readGeneratedHeader(text)    -> { source, hash } of a generated file, or undefined
 *   isGeneratedText(text)        -> whether a file may be overwritten
 *   modulePath(file)             -> where a schema file's module goes below the output folder
 *   expectedModules(model)       -> per schema file: its module's path and the hash its header will carry
 *   freshness(textOnDisk, expected) -> 'fresh' | 'stale' | 'missing' | 'foreign' (not ours: never overwritten)
 */
export { generate, runtimeText, type GeneratedFile, type GenerateResult } from './generate';
export { GENERATED_MARKER, GENERATOR_VERSION, isGeneratedText, readGeneratedHeader, schemaHash, type GeneratedHeader } from './header';
export { modulePath, RUNTIME_MODULE, PROTOBUF_RUNTIME_MODULE, AVRO_RUNTIME_MODULE } from './naming';
export { expectedModules, freshness, schemaHashOf, type ExpectedModule, type Freshness } from './staleness';
