/**
 * Go to definition in .avsc and .avdl: a reference goes to the named type it denotes (in any
 * file), a type's own name to itself, an enum default to its symbol, and an IDL import to the
 * imported file.
 */
import type { LocationLink, Position, Range } from 'vscode-languageserver-types';
import type { NameNode, NamedSchema } from '../../core/avro/ast';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from '../proto/guard';
import { targetAt } from './nodeAt';
import { fileOf, resolveReference, type AvroProject } from './project';
import { enumWithUri } from './references';

const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definition(project: AvroProject, uri: string, position: Position): LocationLink[] {
  return guard('avro definition', [], () => {
    const file = fileOf(project, uri);
    if (!file) return [];
    const index = lineIndexOf(file);
    const t = targetAt(file, index.offsetAt(position));
    if (!t) return [];
    const origin = index.rangeOf(t.span);
    const link = (targetUri: string, whole: Span, name: Span): LocationLink[] => {
      const target = fileOf(project, targetUri);
      if (!target) return [];
      const ti = lineIndexOf(target);
      return [{ originSelectionRange: origin, targetUri, targetRange: ti.rangeOf(whole), targetSelectionRange: ti.rangeOf(name) }];
    };
    const named = (targetUri: string, s: NamedSchema) => (s.name ? link(targetUri, s.span, s.name.span) : []);
    switch (t.kind) {
      case 'reference': {
        const def = resolveReference(project, uri, t.ref);
        return def ? named(def.uri, def.schema) : [];
      }
      case 'definition':
        return named(uri, t.schema);
      case 'default': {
        const e = enumWithUri(project, uri, t.type);
        const sym: NameNode | undefined = e?.schema.symbols.find((s) => s.text === t.value.value);
        return e && sym ? link(e.uri, sym.span, sym.span) : [];
      }
      case 'import': {
        const target = project.importTarget(uri, t.node);
        return target ? [{ originSelectionRange: origin, targetUri: target, targetRange: top, targetSelectionRange: top }] : [];
      }
      default:
        return [];
    }
  });
}
