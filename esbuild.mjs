// The one build script: bundles the VS Code client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // Snippets of the standard tables, generated from the core's standard data (never edited by hand).
  tsImport('./scripts/gen-snippets.ts', import.meta.url).then((m) => m.writeSnippets('snippets/govreport.code-snippets')),
]);
