/** The Avro editor features, for the LSP layer; each takes an AvroProject (the host's AvroFiles). */
export { hover } from './hover';
export { definition } from './definition';
export { references } from './references';
export { prepareRename, rename, isRenameError, type KeepAlias, type RenameOptions } from './rename';
export { documentSymbols, workspaceSymbols } from './symbols';
export { completion } from './completion';
export { codeActions } from './codeActions';
export { formatAvsc } from './formatting';
export { avroDiagnostics } from './diagnostics';
export type { AvroProject } from './project';
