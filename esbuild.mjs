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

// The readers of web pages, Word files and PDFs are bundles of their own (dist/readers/<kind>.js), loaded by the
// reader registry the first time a file of their kind is read: the server and the CLI start without them.
const READERS = ['html', 'docx', 'pdf'];
const lazyReaders = {
  name: 'lazy-readers',
  setup(build) {
    build.onResolve({ filter: /^\.\/\w+$/ }, (args) => {
      const kind = args.path.slice(2);
      if (!/core[\\/]readers[\\/]index\.ts$/.test(args.importer) || !READERS.includes(kind)) return undefined;
      return { path: `./readers/${kind}.js`, external: true };
    });
  },
};

// The Word writer (and the docx package) is a bundle of its own, dist/publish/docx.js, loaded by `govreport export`.
const lazyDocx = {
  name: 'lazy-docx',
  setup(build) {
    build.onResolve({ filter: /^\.\/docx$/ }, (args) =>
      /core[\\/]publish[\\/]index\.ts$/.test(args.importer) ? { path: './publish/docx.js', external: true } : undefined,
    );
  },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [lazyReaders, lazyDocx] }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyReaders, lazyDocx] }),
  ...READERS.map((kind) => esbuild.build({ ...common, entryPoints: [`server/src/core/readers/${kind}.ts`], outfile: `dist/readers/${kind}.js` })),
  esbuild.build({ ...common, entryPoints: ['server/src/core/publish/docx.ts'], outfile: 'dist/publish/docx.js' }),
  // Snippets of the standard tables, generated from the core's standard data (never edited by hand).
  tsImport('./scripts/gen-snippets.ts', import.meta.url).then((m) => m.writeSnippets('snippets/govreport.code-snippets')),
]);
