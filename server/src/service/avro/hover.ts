/**
 * Hover for .avsc and .avdl: what the name under the cursor is (kind, full name, type, default,
 * aliases, the file that defines it) and its doc. A reference shows its definition, wherever it is.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { AvroMessage, AvroSchema, EnumSchema, Field, NamedSchema, RecordSchema } from '../../core/avro/ast';
import { describeJson } from '../../core/avro/json';
import { LOGICAL_TYPES } from '../../core/avro/logicalTypes';
import { qualify } from '../../core/avro/names';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from '../proto/guard';
import { targetAt, type AvroTarget } from './nodeAt';
import { fileOf, resolveReference, resolverFor, type AvroProject } from './project';
import { enumOf } from './values';
import { LOGICAL_DOCS, PRIMITIVE_DOCS, logicalText, namedKind, relativeUri, typeText, type Resolve } from './typeText';

export function hover(project: AvroProject, uri: string, position: Position): Hover | null {
  return guard('avro hover', null, () => compute(project, uri, position));
}

function compute(project: AvroProject, uri: string, position: Position): Hover | null {
  const file = fileOf(project, uri);
  if (!file) return null;
  const index = lineIndexOf(file);
  const offset = index.offsetAt(position);
  const target = targetAt(file, offset);
  if (!target) return null;
  const value = describe(project, uri, target);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: index.rangeOf(target.span) } : null;
}

function describe(project: AvroProject, uri: string, t: AvroTarget): string | undefined {
  const resolve = resolverFor(project, uri);
  switch (t.kind) {
    case 'definition':
      return named(t.schema, undefined, uri);
    case 'reference': {
      const def = resolveReference(project, uri, t.ref);
      if (!def) return `${code(t.ref.name.text)}\nunknown type \`${t.ref.fullName}\``;
      return named(def.schema, def.uri, uri);
    }
    case 'field':
      return field(t.field, t.owner, resolve);
    case 'symbol':
      return symbol(t.enumSchema, t.symbol.text);
    case 'default': {
      const e = enumOf(t.type, resolve);
      return e && e.symbols.some((s) => s.text === t.value.value) ? symbol(e, t.value.value) : undefined;
    }
    case 'alias': {
      const owner = t.owner;
      if ('kind' in owner) {
        const full = qualify(t.alias.text, owner.namespace);
        return `${code(`${namedKind(owner)} ${owner.fullName ?? ''}`.trim())}\nalias \`${full}\` of ${namedKind(owner)} \`${owner.fullName ?? '?'}\`: readers match data written under this name`;
      }
      return `alias \`${t.alias.text}\` of field \`${owner.name?.text ?? '?'}\`: readers match data written under this name`;
    }
    case 'type':
      return typeKeyword(t.schema, resolve);
    case 'logicalType': {
      const name = t.schema.logicalType!.text;
      const doc = LOGICAL_DOCS[name];
      const on = t.schema.kind === 'primitive' ? t.schema.type : t.schema.kind === 'fixed' ? namedKind(t.schema) : t.schema.kind;
      return doc
        ? `${code(typeText(t.schema, resolve))}\nlogical type \`${logicalText(name, t.schema.props)}\` on \`${on}\`: ${doc}; it annotates ${LOGICAL_TYPES[name]}`
        : `${code(typeText(t.schema, resolve))}\nlogical type \`${name}\` is not defined by the Avro specification; readers treat the value as plain \`${on}\``;
    }
    case 'namespace': {
      let count = 0;
      for (const n of project.registry.names()) if (n.startsWith(`${t.name.text}.`) && !n.slice(t.name.text.length + 1).includes('.')) count++;
      return `namespace \`${t.name.text}\` · ${count} named type${count === 1 ? '' : 's'} in the workspace`;
    }
    case 'message':
      return message(t.message, resolve);
    case 'import': {
      const target = project.importTarget(uri, t.node);
      const where = target ? `resolves to \`${relativeUri(uri, target)}\`` : 'not found';
      return `${code(`import ${t.node.kind} ${JSON.stringify(t.node.path.value)};`)}\n${where}`;
    }
  }
}

function named(s: NamedSchema, defUri: string | undefined, uri: string): string {
  const name = s.fullName ?? s.name?.text ?? '';
  let signature = `${s.kind === 'record' ? namedKind(s) : s.kind} ${name}`.trim();
  if (s.kind === 'enum') signature += ` { ${listSymbols(s)} }`;
  if (s.kind === 'fixed') signature += `(${s.size?.kind === 'number' ? s.size.text : '?'})`;
  const facts = [`${namedKind(s)} \`${s.fullName ?? '?'}\``];
  if (s.logicalType) facts.push(`logical type \`${logicalText(s.logicalType.text, s.props)}\``);
  if (s.kind === 'record') facts.push(`${s.fields.length} field${s.fields.length === 1 ? '' : 's'}`);
  if (s.kind === 'enum' && s.default) facts.push(`default ${describeJson(s.default)}`);
  if (s.aliases.length) facts.push(`aliases ${s.aliases.map((a) => `\`${qualify(a.text, s.namespace)}\``).join(', ')}`);
  if (defUri && defUri !== uri) facts.push(`in \`${relativeUri(uri, defUri)}\``);
  return join(code(signature), facts.join(' · '), s.doc?.text);
}

function listSymbols(e: EnumSchema): string {
  const names = e.symbols.map((s) => s.text);
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
}

function field(f: Field, owner: RecordSchema | AvroMessage, resolve: Resolve): string {
  const type = f.type ? typeText(f.type, resolve) : '?';
  const def = f.default ? ` = ${describeJson(f.default)}` : '';
  const facts = ['kind' in owner ? `field of ${owner.error ? 'error' : 'record'} \`${owner.fullName ?? '?'}\`` : `parameter of message \`${owner.name.text}\``];
  if (f.aliases.length) facts.push(`aliases ${f.aliases.map((a) => `\`${a.text}\``).join(', ')}`);
  if (f.order?.kind === 'string') facts.push(`order ${f.order.value}`);
  if (!f.default && 'kind' in owner) facts.push('no default: readers of data written without this field fail');
  return join(code(`${type} ${f.name?.text ?? ''}${def}`), facts.join(' · '), f.doc?.text);
}

function symbol(e: EnumSchema, name: string): string {
  const i = e.symbols.findIndex((s) => s.text === name);
  const facts = [`symbol ${i + 1} of ${e.symbols.length} in enum \`${e.fullName ?? '?'}\``];
  if (e.default?.kind === 'string' && e.default.value === name) facts.push('the enum default: readers use it for symbols they do not know');
  return join(code(`${e.fullName ?? e.name?.text ?? 'enum'}.${name}`), facts.join(' · '));
}

function typeKeyword(s: AvroSchema, resolve: Resolve): string | undefined {
  switch (s.kind) {
    case 'primitive': {
      const extra = s.logicalType ? `; logical type \`${logicalText(s.logicalType.text, s.props)}\`${LOGICAL_DOCS[s.logicalType.text] ? `: ${LOGICAL_DOCS[s.logicalType.text]}` : ''}` : '';
      return `${code(typeText(s, resolve))}\nprimitive type \`${s.type}\`: ${PRIMITIVE_DOCS[s.type]}${extra}`;
    }
    case 'array':
      return `${code(typeText(s, resolve))}\nan array of ${s.items ? `\`${typeText(s.items, resolve)}\`` : 'items'}`;
    case 'map':
      return `${code(typeText(s, resolve))}\na map from string keys to ${s.values ? `\`${typeText(s.values, resolve)}\`` : 'values'}`;
    case 'record':
    case 'enum':
    case 'fixed':
      return named(s, undefined, '');
    default:
      return undefined;
  }
}

function message(m: AvroMessage, resolve: Resolve): string {
  const params = m.request.map((p) => `${p.type ? typeText(p.type, resolve) : '?'} ${p.name?.text ?? ''}`).join(', ');
  const response = m.response ? typeText(m.response, resolve) : '?';
  const oneWay = m.oneWay?.kind === 'boolean' && m.oneWay.value;
  const throws = m.errors.length ? ` throws ${m.errors.map((e) => typeText(e, resolve)).join(', ')}` : '';
  const signature = `${response === 'null' ? 'void' : response} ${m.name.text}(${params})${oneWay ? ' oneway' : throws}`;
  return join(code(signature), `message${oneWay ? ' (one-way)' : ''}`, m.doc?.text);
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');
}

function code(line: string): string {
  return '```avroidl\n' + line + '\n```';
}
