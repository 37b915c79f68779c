/**
 * The language server's entry point. `createConnection` picks the transport from argv
 * (`--node-ipc` from VS Code, `--stdio` from tests and other editors).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
