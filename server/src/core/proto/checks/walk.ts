/**
 * One walk over a file's tree that lists its messages (groups included, since a group declares a
 * message), enums, extend blocks and fields with their full names and enclosing messages. Checks
 * share it through a cache keyed by the tree, so a file is walked once however many checks run.
 */
import type {
  EnumDecl,
  ExtendDecl,
  FieldDecl,
  GroupDecl,
  MapFieldDecl,
  MessageDecl,
  MessageElement,
  Name,
  OneofDecl,
  OptionDecl,
  ProtoFile,
} from '../ast';

export type MessageNode = MessageDecl | GroupDecl;
export type AnyField = FieldDecl | MapFieldDecl | GroupDecl;

export interface MessageInfo {
  readonly node: MessageNode;
  readonly name: Name;
  readonly fullName: string;
  /** Enclosing messages, outermost first. */
  readonly parents: readonly MessageNode[];
  /** The message's own fields, oneof members included, in source order. */
  readonly fields: readonly FieldInfo[];
  readonly oneofs: readonly OneofDecl[];
}

export interface FieldInfo {
  readonly node: AnyField;
  readonly oneof?: OneofDecl;
  /** The extend block for an extension. */
  readonly extend?: ExtendDecl;
  /** The message declaring the field; for an extension, the message the extend block sits in. */
  readonly message?: MessageInfo;
}

export interface EnumInfo {
  readonly node: EnumDecl;
  readonly name: Name;
  readonly fullName: string;
  /** The scope holding the enum and, by C++ scoping, its values. */
  readonly scope: string;
  readonly parents: readonly MessageNode[];
}

export interface ExtendInfo {
  readonly node: ExtendDecl;
  readonly scope: string;
  readonly parents: readonly MessageNode[];
  readonly fields: readonly FieldInfo[];
}

export interface FileModel {
  readonly messages: readonly MessageInfo[];
  readonly enums: readonly EnumInfo[];
  readonly extends: readonly ExtendInfo[];
  /** Every field and extension of the file. */
  readonly fields: readonly FieldInfo[];
}

const cache = new WeakMap<ProtoFile, Map<string, FileModel>>();

export function fileModel(ast: ProtoFile, packageName: string): FileModel {
  let byPkg = cache.get(ast);
  if (!byPkg) cache.set(ast, (byPkg = new Map()));
  let model = byPkg.get(packageName);
  if (!model) byPkg.set(packageName, (model = build(ast, packageName)));
  return model;
}

function join(scope: string, name: string): string {
  return scope ? `${scope}.${name}` : name;
}

function build(ast: ProtoFile, pkg: string): FileModel {
  const messages: MessageInfo[] = [];
  const enums: EnumInfo[] = [];
  const extendsOut: ExtendInfo[] = [];
  const allFields: FieldInfo[] = [];

  const visitMessage = (node: MessageNode, scope: string, parents: readonly MessageNode[]) => {
    if (!node.name) return;
    const fullName = join(scope, node.name.text);
    const fields: FieldInfo[] = [];
    const oneofs: OneofDecl[] = [];
    const info: MessageInfo = { node, name: node.name, fullName, parents, fields, oneofs };
    messages.push(info);
    const inner = [...parents, node];
    const nested: (() => void)[] = [];
    for (const el of node.body) {
      switch (el.kind) {
        case 'field':
        case 'mapField':
          fields.push({ node: el, message: info });
          break;
        case 'group':
          fields.push({ node: el, message: info });
          nested.push(() => visitMessage(el, fullName, inner));
          break;
        case 'oneof':
          oneofs.push(el);
          for (const m of el.body) {
            if (m.kind === 'field') fields.push({ node: m, oneof: el, message: info });
            else if (m.kind === 'group') {
              fields.push({ node: m, oneof: el, message: info });
              nested.push(() => visitMessage(m, fullName, inner));
            }
          }
          break;
        case 'message':
          nested.push(() => visitMessage(el, fullName, inner));
          break;
        case 'enum':
          visitEnum(el, fullName, inner);
          break;
        case 'extend':
          nested.push(() => visitExtend(el, fullName, inner, info));
          break;
        default:
          break;
      }
    }
    allFields.push(...fields);
    for (const n of nested) n();
  };

  const visitEnum = (node: EnumDecl, scope: string, parents: readonly MessageNode[]) => {
    if (!node.name) return;
    enums.push({ node, name: node.name, fullName: join(scope, node.name.text), scope, parents });
  };

  const visitExtend = (node: ExtendDecl, scope: string, parents: readonly MessageNode[], message?: MessageInfo) => {
    const fields: FieldInfo[] = [];
    for (const f of node.body) {
      if (f.kind === 'field' || f.kind === 'group') fields.push({ node: f, extend: node, message });
    }
    extendsOut.push({ node, scope, parents, fields });
    allFields.push(...fields);
    for (const f of node.body) {
      if (f.kind === 'group') visitMessage(f, scope, parents);
    }
  };

  for (const decl of ast.body) {
    if (decl.kind === 'message') visitMessage(decl, pkg, []);
    else if (decl.kind === 'enum') visitEnum(decl, pkg, []);
    else if (decl.kind === 'extend') visitExtend(decl, pkg, []);
  }
  return { messages, enums, extends: extendsOut, fields: allFields };
}

/** The options written on a message or group body as `option x = y;` statements. */
export function bodyOptions(body: readonly MessageElement[]): OptionDecl[] {
  return body.filter((e): e is OptionDecl => e.kind === 'option');
}

/** The type of a field as written: `int32`, `.pkg.Msg`; `map` for a map field, `group` for a group. */
export function fieldTypeText(f: AnyField): string {
  return f.kind === 'field' ? f.type.text : f.kind === 'mapField' ? 'map' : 'group';
}
