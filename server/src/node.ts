import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { applyConfig, CONFIG_FILES } from './core';
import { Analyzer } from './lsp/analyzer';
import { respond } from './lsp/worker';
import { startServer } from './server';

/**
 * The language server in Node (dist/server.js): the main thread speaks LSP; worker threads started from this same
 * bundle do the analysis and the workspace's file work (walking, reading, the previous-year index).
 */

/** Import, export and reading files from disk: a bundle of its own (dist/files.js), loaded by the first such request. */
const files = () => import('./lsp/files');
/** Configuration files and previous-year reports: a bundle of its own (dist/config.js), loaded by the first check. */
const configModule = () => import('./lsp/config');

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
    files,
    processStats: () => {
      const memory = process.memoryUsage();
      return { mainLoopMaxDelayMs: loopDelay.max / 1e6, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
    },
    workspace: async ({ folders, ...lent }) => {
      const { EditorWorkspace } = await configModule();
      const roots = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
      return new EditorWorkspace({ ...lent, roots, configFiles: CONFIG_FILES, applyConfig, script: __filename });
    },
  });
} else if ((workerData as { role?: string } | null)?.role === 'workspace') {
  void files().then((f) => f.runWorkspaceThread());
} else {
  parentPort!.on('message', (request) => parentPort!.postMessage(respond(request)));
}
