import type { ProtoFile } from '../ast';
import type { LinkEnv, LinkResult } from '../link';
import type { SymbolIndex } from '../resolve';
import type { FileSymbols } from '../symbols';

/** What a semantic check sees: one linked file and a read-only view of the project's symbols. */
export interface CheckContext {
  readonly uri: string;
  readonly text: string;
  readonly ast: ProtoFile;
  readonly symbols: FileSymbols;
  readonly link: LinkResult;
  readonly project: SymbolIndex;
  /** The other files of the project and the import map, for checks that look into dependencies. */
  readonly env: LinkEnv;
}
