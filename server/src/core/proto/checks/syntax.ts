/**
 * Which rule set a file follows. protoc treats a file without a syntax statement as proto2, and
 * an unknown syntax or edition is reported once (by syntaxStatement.ts) and then read as the
 * nearest known one, so that one typo does not bury the file in follow-up errors.
 */
import type { ProtoFile, SyntaxDecl } from '../ast';

export type SyntaxKind = 'proto2' | 'proto3' | 'editions';

/** Editions protoc 36 accepts, in order; a later one than the last is read as the last. */
export const KNOWN_EDITIONS = ['2023', '2024', '2026'] as const;

export interface FileSyntax {
  readonly kind: SyntaxKind;
  /** For editions: the edition as written when known, else the latest known. */
  readonly edition?: string;
  readonly decl?: SyntaxDecl;
}

export function fileSyntax(ast: ProtoFile): FileSyntax {
  const decl = ast.body.find((d): d is SyntaxDecl => d.kind === 'syntax');
  if (!decl) return { kind: 'proto2' };
  if (decl.keyword === 'edition') {
    const known = (KNOWN_EDITIONS as readonly string[]).includes(decl.value ?? '');
    return { kind: 'editions', edition: known ? decl.value : KNOWN_EDITIONS[KNOWN_EDITIONS.length - 1], decl };
  }
  return { kind: decl.value === 'proto3' ? 'proto3' : 'proto2', decl };
}

/** Compares editions by their year; `2024 >= 2023`. */
export function editionAtLeast(syntax: FileSyntax, edition: string): boolean {
  return syntax.kind === 'editions' && (syntax.edition ?? '') >= edition;
}
