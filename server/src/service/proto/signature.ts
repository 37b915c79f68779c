/**
 * Declarations rendered as one line of Protobuf, as hover, document symbols and completion show
 * them: `message acme.orders.v1.Order`, `repeated Item items = 3`, `ORDER_STATUS_PAID = 2`.
 */
import type {
  AnyDecl,
  FieldDecl,
  GroupDecl,
  MapFieldDecl,
  RpcDecl,
  TypeRef,
} from '../../core/proto/ast';
import type { ProtoProject } from '../../core/proto/project';
import type { ProtoSymbol } from '../../core/proto/symbols';
import { declPathAt } from './nodeAt';

/** The field's type as written, e.g. `repeated Item`, `map<string, int32>`, `group`. */
export function fieldTypeText(decl: FieldDecl | MapFieldDecl | GroupDecl): string {
  switch (decl.kind) {
    case 'field':
      return [decl.label?.value, decl.type.text || '?'].filter(Boolean).join(' ');
    case 'mapField':
      return `map<${decl.keyType?.text || '?'}, ${decl.valueType?.text || '?'}>`;
    case 'group':
      return [decl.label?.value, 'group'].filter(Boolean).join(' ');
  }
}

function numberSuffix(decl: { readonly number?: { readonly text: string } }): string {
  return decl.number ? ` = ${decl.number.text}` : '';
}

function typeText(ref: TypeRef | undefined, stream: unknown): string {
  return `${stream ? 'stream ' : ''}${ref?.text ?? ''}`;
}

/** `type = number` for a field: the detail of a document symbol. */
export function fieldDetail(decl: FieldDecl | MapFieldDecl | GroupDecl): string {
  return `${fieldTypeText(decl)}${numberSuffix(decl)}`;
}

export function rpcSignature(name: string, rpc: RpcDecl): string {
  return `rpc ${name}(${typeText(rpc.input, rpc.inputStream)}) returns (${typeText(rpc.output, rpc.outputStream)})`;
}

/** One line of Protobuf declaring the symbol; aggregates show their full name. */
export function signatureOf(symbol: ProtoSymbol): string {
  const node: AnyDecl | undefined = symbol.node;
  switch (symbol.kind) {
    case 'package':
      return `package ${symbol.fullName}`;
    case 'message':
      return node?.kind === 'group' ? `${fieldTypeText(node)} ${symbol.name}${numberSuffix(node)}` : `message ${symbol.fullName}`;
    case 'enum':
      return `enum ${symbol.fullName}`;
    case 'service':
      return `service ${symbol.fullName}`;
    case 'oneof':
      return `oneof ${symbol.name}`;
    case 'rpc':
      return node?.kind === 'rpc' ? rpcSignature(symbol.name, node) : `rpc ${symbol.name}`;
    case 'enumValue':
      return `${symbol.name}${node?.kind === 'enumValue' ? numberSuffix(node) : ''}`;
    case 'field':
    case 'extension':
      if (node?.kind === 'field' || node?.kind === 'mapField') return `${fieldTypeText(node)} ${symbol.name}${numberSuffix(node)}`;
      if (node?.kind === 'group') return `${fieldTypeText(node)} ${node.name?.text ?? symbol.name}${numberSuffix(node)}`;
      return symbol.name;
  }
}

/** Human words for a symbol kind. */
export function kindLabel(symbol: ProtoSymbol): string {
  switch (symbol.kind) {
    case 'enumValue':
      return 'enum value';
    case 'message':
      return symbol.node?.kind === 'group' ? 'group' : 'message';
    default:
      return symbol.kind;
  }
}

/** The message an extension extends, as a full name when it resolves, else as written. */
export function extendeeOf(project: ProtoProject, symbol: ProtoSymbol): string | undefined {
  if (symbol.kind !== 'extension') return undefined;
  const state = project.get(symbol.uri);
  if (!state) return undefined;
  const extend = declPathAt(state.ast, symbol.span.start).find((d) => d.kind === 'extend');
  if (extend?.kind !== 'extend' || !extend.extendee) return undefined;
  const target = project.link(symbol.uri)?.typeOf.get(extend.extendee);
  return target?.fullName ?? extend.extendee.text;
}

/** The message or enum a field's type names, when it resolves. */
export function fieldTypeSymbol(project: ProtoProject, symbol: ProtoSymbol): ProtoSymbol | undefined {
  const node = symbol.node;
  if (node?.kind !== 'field' && node?.kind !== 'mapField') return undefined;
  const typeOf = project.link(symbol.uri)?.typeOf;
  if (!typeOf) return undefined;
  return node.kind === 'field' ? typeOf.get(node.type) : node.valueType && typeOf.get(node.valueType);
}
