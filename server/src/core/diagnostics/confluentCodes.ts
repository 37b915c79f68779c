/**
 * Confluent Schema Registry's Protobuf difference types that break compatibility. The differences
 * Confluent counts as compatible (MESSAGE_ADDED, FIELD_REMOVED, ...) never become diagnostics and
 * so have no code here.
 */
import { stage, type CodeInfo } from './codeTypes';

const c = stage('confluent-proto');
const docs = 'https://docs.confluent.io/platform/current/schema-registry/fundamentals/schema-evolution.html';

function diff(summary: string, fix: string): CodeInfo {
  return c.error(summary, fix, { docs });
}

export const CONFLUENT_PROTO_CODES: Readonly<Record<string, CodeInfo>> = {
  PACKAGE_CHANGED: diff('the schema\'s package changed', 'restore the package; register a new subject for a new package'),
  MESSAGE_REMOVED: diff('a message of the old schema is missing from the new one', 'restore the message'),
  FIELD_KIND_CHANGED: diff('a field changed between scalar, message and map kinds', 'restore the field\'s type; add a new field with a new number instead'),
  FIELD_SCALAR_KIND_CHANGED: diff('a scalar field changed to a type of another wire group (e.g. int32 to string)', 'restore the type, or use one of its group (int32, int64, uint32, uint64, bool and enum; sint32 and sint64; string and bytes; ...)'),
  FIELD_NAMED_TYPE_CHANGED: diff('a message-typed field now names another message', 'restore the message type'),
  FIELD_NUMERIC_LABEL_CHANGED: diff('a numeric field\'s label changed (optional, required, repeated)', 'restore the label'),
  REQUIRED_FIELD_ADDED: diff('a required field was added', 'make the new field optional'),
  REQUIRED_FIELD_REMOVED: diff('a required field was removed', 'restore the field'),
  ONEOF_FIELD_REMOVED: diff('a field was removed from a oneof', 'restore the field in the oneof'),
  MULTIPLE_FIELDS_MOVED_TO_ONEOF: diff('a oneof now makes several fields exclusive that were independent', 'keep the fields outside the oneof'),
  FIELD_MOVED_TO_EXISTING_ONEOF: diff('an existing field moved into an existing oneof', 'keep the field outside the oneof'),
};
