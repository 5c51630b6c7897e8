import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Analyzer } from './lsp/analyzer';
import { respond } from './lsp/worker';
import { startServer } from './server';

/**
 * The language server in Node (dist/server.js): the main thread speaks LSP, a worker thread started from this same
 * bundle does the analysis.
 */
if (isMainThread) {
  // Reads stdio, node IPC or a socket from the command line (`--stdio`, `--node-ipc`), as the client chose.
  const connection = createConnection(ProposedFeatures.all);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  startServer(connection, {
    analyzer: new Analyzer(
      () => new Worker(__filename),
      (m) => connection.console.error(m),
    ),
    // Import, export and reading drafts from disk: a bundle of its own (dist/files.js), loaded by the first such request.
    files: () => import('./lsp/files'),
    processStats: () => {
      const memory = process.memoryUsage();
      return { mainLoopMaxDelayMs: loopDelay.max / 1e6, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
    },
  });
} else {
  parentPort!.on('message', (request) => parentPort!.postMessage(respond(request)));
}
