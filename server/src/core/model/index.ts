/**
 * The format-neutral event model (types.ts) and the lowerings into it:
 *   lowerProto(project, uris)            a linked ProtoProject's files -> EventModel
 *   lowerAvro(registry, inputs, options) .avsc/.avdl files in an AvroRegistry -> EventModel
 *   mergeModels(a, b)                    one model for a mixed set of inputs
 */
export * from './types';
export { lowerProto, wellKnownOf } from './lowerProto';
export { lowerAvro, type AvroInput, type LowerAvroOptions } from './lowerAvro';
export { pascalCase, lowerCamelCase, baseName } from './names';
export { variantTags, type VariantMember } from './variants';
export { mergeModels } from './merge';
