import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { type AnalysisPort, Analyzer } from './lsp/analyzer';
import { respond, type WorkerResponse } from './lsp/worker';
import { startServer } from './server';

/**
 * The language server in the browser (dist/web/server.js, VS Code for the Web): it runs in the web worker the client
 * starts, speaks LSP over the worker's messages and does the analysis in the same worker. Markdown drafts open in the
 * editor are checked as in Node; there is no file system, so importing, exporting and reading files not open are not
 * offered (the requests answer with an error that says so).
 */
/** The analysis in this worker: requests are answered in order, each after the messages already waiting. */
function inProcessAnalysis(): AnalysisPort {
  const listeners: ((response: WorkerResponse) => void)[] = [];
  return {
    postMessage(request) {
      setTimeout(() => {
        const response = respond(request);
        for (const listener of listeners) listener(response);
      }, 0);
    },
    // It neither fails nor exits: an error in a request is its answer.
    on(event: string, listener: (value: never) => void) {
      if (event === 'message') listeners.push(listener as (response: WorkerResponse) => void);
    },
    terminate: async () => undefined,
  };
}

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, { analyzer: new Analyzer(inProcessAnalysis, (m) => connection.console.error(m)) });
