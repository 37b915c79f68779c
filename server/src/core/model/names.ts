/** Name conversions shared by the lowerings and the generator. */
import { defaultJsonName } from '../proto/checks/jsonNames';

/** `order_placed`, `order-events`, `orderPlaced` -> `OrderPlaced`, `OrderEvents`, `OrderPlaced`. */
export function pascalCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== '');
  const out = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  return /^[0-9]/.test(out) ? `_${out}` : out;
}

/**
 * protoc's default JSON name, which is also the property name protobuf-es and protobufjs use:
 * underscores dropped and the letter after each one upper-cased (`order_id` -> `orderId`).
 */
export function lowerCamelCase(name: string): string {
  const out = defaultJsonName(name);
  return out === '' ? name : out;
}

/** The file name without folders and without the extension: `a/b/order-events.avsc` -> `order-events`. */
export function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}
