/**
 * Protobuf breaking-change checks: build an image of each side (from a linked ProtoProject in the
 * editor, or file by file from texts for whole trees), then compare them with buf's rules
 * (`checkBreaking`) or with Confluent Schema Registry's (`checkConfluentProto`).
 */
export type { Finding, FindingAnchor, SourceLocation } from '../finding';
export { buildProtoImage, ImageBuilder, type ImageInput, type ImageSource, type ResolveType } from './build';
export { buildProtoImageFromTexts, type TextInput } from './fromTexts';
export type {
  Cardinality,
  FieldKind,
  ImageEnum,
  ImageEnumValue,
  ImageField,
  ImageFile,
  ImageMessage,
  ImageMethod,
  ImageOneof,
  ImageService,
  ProtoImage,
} from './image';
export { moduleFiles } from './image';
export { checkBreaking } from './check';
export {
  isUnstablePackage,
  parseBufYamlBreaking,
  resolveBreakingRules,
  rulesOf,
  type BreakingConfig,
  type ConfigVersion,
  type ResolvedRules,
} from './config';
export { CATEGORIES, type BreakingRule, type Category } from './rule';
export { ALL_RULES } from './rules';
export { CONFLUENT_MODES, checkConfluentProto, type ConfluentMode } from './confluent/check';
export { COMPATIBLE_CHANGES, diffSchemas, type Difference, type DifferenceType } from './confluent/diff';
