/** Every breaking-change rule, one per file. */
import { enumNoDelete } from './enumNoDelete';
import { enumSameJsonFormat } from './enumSameJsonFormat';
import { enumSameType } from './enumSameType';
import { enumValueNoDelete } from './enumValueNoDelete';
import { enumValueNoDeleteUnlessNameReserved } from './enumValueNoDeleteUnlessNameReserved';
import { enumValueNoDeleteUnlessNumberReserved } from './enumValueNoDeleteUnlessNumberReserved';
import { enumValueSameName } from './enumValueSameName';
import { extensionMessageNoDelete } from './extensionMessageNoDelete';
import { extensionNoDelete } from './extensionNoDelete';
import { fieldNoDelete } from './fieldNoDelete';
import { fieldNoDeleteUnlessNameReserved } from './fieldNoDeleteUnlessNameReserved';
import { fieldNoDeleteUnlessNumberReserved } from './fieldNoDeleteUnlessNumberReserved';
import { fieldSameCardinality } from './fieldSameCardinality';
import { fieldSameCppStringType } from './fieldSameCppStringType';
import { fieldSameDefault } from './fieldSameDefault';
import { fieldSameJavaUtf8Validation } from './fieldSameJavaUtf8Validation';
import { fieldSameJsonName } from './fieldSameJsonName';
import { fieldSameJstype } from './fieldSameJstype';
import { fieldSameName } from './fieldSameName';
import { fieldSameOneof } from './fieldSameOneof';
import { fieldSameType } from './fieldSameType';
import { fieldSameUtf8Validation } from './fieldSameUtf8Validation';
import { fieldWireCompatibleCardinality } from './fieldWireCompatibleCardinality';
import { fieldWireCompatibleType } from './fieldWireCompatibleType';
import { fieldWireJsonCompatibleCardinality } from './fieldWireJsonCompatibleCardinality';
import { fieldWireJsonCompatibleType } from './fieldWireJsonCompatibleType';
import { fileNoDelete } from './fileNoDelete';
import { fileSameCcEnableArenas } from './fileSameCcEnableArenas';
import { fileSameCcGenericServices } from './fileSameCcGenericServices';
import { fileSameCsharpNamespace } from './fileSameCsharpNamespace';
import { fileSameGoPackage } from './fileSameGoPackage';
import { fileSameJavaGenericServices } from './fileSameJavaGenericServices';
import { fileSameJavaMultipleFiles } from './fileSameJavaMultipleFiles';
import { fileSameJavaOuterClassname } from './fileSameJavaOuterClassname';
import { fileSameJavaPackage } from './fileSameJavaPackage';
import { fileSameObjcClassPrefix } from './fileSameObjcClassPrefix';
import { fileSameOptimizeFor } from './fileSameOptimizeFor';
import { fileSamePackage } from './fileSamePackage';
import { fileSamePhpClassPrefix } from './fileSamePhpClassPrefix';
import { fileSamePhpMetadataNamespace } from './fileSamePhpMetadataNamespace';
import { fileSamePhpNamespace } from './fileSamePhpNamespace';
import { fileSamePyGenericServices } from './fileSamePyGenericServices';
import { fileSameRubyPackage } from './fileSameRubyPackage';
import { fileSameSwiftPrefix } from './fileSameSwiftPrefix';
import { fileSameSyntax } from './fileSameSyntax';
import { messageNoDelete } from './messageNoDelete';
import { messageNoRemoveStandardDescriptorAccessor } from './messageNoRemoveStandardDescriptorAccessor';
import { messageSameJsonFormat } from './messageSameJsonFormat';
import { messageSameRequiredFields } from './messageSameRequiredFields';
import { oneofNoDelete } from './oneofNoDelete';
import { packageEnumNoDelete } from './packageEnumNoDelete';
import { packageExtensionNoDelete } from './packageExtensionNoDelete';
import { packageMessageNoDelete } from './packageMessageNoDelete';
import { packageNoDelete } from './packageNoDelete';
import { packageServiceNoDelete } from './packageServiceNoDelete';
import { reservedEnumNoDelete } from './reservedEnumNoDelete';
import { reservedMessageNoDelete } from './reservedMessageNoDelete';
import { rpcNoDelete } from './rpcNoDelete';
import { rpcSameClientStreaming } from './rpcSameClientStreaming';
import { rpcSameIdempotencyLevel } from './rpcSameIdempotencyLevel';
import { rpcSameRequestType } from './rpcSameRequestType';
import { rpcSameResponseType } from './rpcSameResponseType';
import { rpcSameServerStreaming } from './rpcSameServerStreaming';
import { serviceNoDelete } from './serviceNoDelete';
import type { BreakingRule } from '../rule';

export const ALL_RULES: readonly BreakingRule[] = [
  enumNoDelete,
  enumSameJsonFormat,
  enumSameType,
  enumValueNoDelete,
  enumValueNoDeleteUnlessNameReserved,
  enumValueNoDeleteUnlessNumberReserved,
  enumValueSameName,
  extensionMessageNoDelete,
  extensionNoDelete,
  fieldNoDelete,
  fieldNoDeleteUnlessNameReserved,
  fieldNoDeleteUnlessNumberReserved,
  fieldSameCardinality,
  fieldSameCppStringType,
  fieldSameDefault,
  fieldSameJavaUtf8Validation,
  fieldSameJsonName,
  fieldSameJstype,
  fieldSameName,
  fieldSameOneof,
  fieldSameType,
  fieldSameUtf8Validation,
  fieldWireCompatibleCardinality,
  fieldWireCompatibleType,
  fieldWireJsonCompatibleCardinality,
  fieldWireJsonCompatibleType,
  fileNoDelete,
  fileSameCcEnableArenas,
  fileSameCcGenericServices,
  fileSameCsharpNamespace,
  fileSameGoPackage,
  fileSameJavaGenericServices,
  fileSameJavaMultipleFiles,
  fileSameJavaOuterClassname,
  fileSameJavaPackage,
  fileSameObjcClassPrefix,
  fileSameOptimizeFor,
  fileSamePackage,
  fileSamePhpClassPrefix,
  fileSamePhpMetadataNamespace,
  fileSamePhpNamespace,
  fileSamePyGenericServices,
  fileSameRubyPackage,
  fileSameSwiftPrefix,
  fileSameSyntax,
  messageNoDelete,
  messageNoRemoveStandardDescriptorAccessor,
  messageSameJsonFormat,
  messageSameRequiredFields,
  oneofNoDelete,
  packageEnumNoDelete,
  packageExtensionNoDelete,
  packageMessageNoDelete,
  packageNoDelete,
  packageServiceNoDelete,
  reservedEnumNoDelete,
  reservedMessageNoDelete,
  rpcNoDelete,
  rpcSameClientStreaming,
  rpcSameIdempotencyLevel,
  rpcSameRequestType,
  rpcSameResponseType,
  rpcSameServerStreaming,
  serviceNoDelete,
];
