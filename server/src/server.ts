#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAdapter } from './adapter';
import { nodeFileAccess } from './node/nodeFileAccess';
import { createLifecycle } from './lifecycle';
import { closeOnBrokenFraming } from './messageFraming';
import { describeError } from './service/logger';
import { byScheme, clientFileAccess, watchFileRequests } from './workspace/clientFileAccess';

/**
 * The Minutes language server: `minutes-language-server --stdio` (or `--node-ipc` from
 * VS Code). The transport is chosen from the command line by vscode-languageserver.
 */
const lifecycle = createLifecycle();
const { strategy, clientAnswers } = watchFileRequests(lifecycle.strategy);
const connection = createConnection(ProposedFeatures.all, { messageStrategy: strategy });
// A bug must cost one answer, never the server: log what escaped every guard and go on.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${describeError(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`unhandled rejection: ${describeError(error)}`));
lifecycle.listen(connection);
// The disk for files; a virtual workspace (`vscode-vfs:` in desktop VS Code) through the client.
startAdapter(connection, byScheme(nodeFileAccess, clientFileAccess(connection, clientAnswers)));
connection.listen();
if (process.argv.includes('--stdio')) closeOnBrokenFraming(process.stdin);
