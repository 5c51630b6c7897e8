// The one build script: bundles the VS Code client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
import { dirname, join, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';

/** zod bundles every locale of its error messages; only English is used (≈260 KB less per bundle). */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}`) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js') } : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [zodEnglishOnly],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // Snippets of the standard tables, generated from the core's standard data (never edited by hand).
  tsImport('./scripts/gen-snippets.ts', import.meta.url).then((m) => m.writeSnippets('dist/snippets/govreport.code-snippets')),
]);
