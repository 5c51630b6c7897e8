// The one build script: bundles the VS Code client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

// jsonc-parser's ESM build declares no `sideEffects` (its enums are set up at load): the language server, which reads
// no configuration file itself (its workspace thread does, in dist/files.js), leaves it out as unused.
const jsoncUnusedDropped = {
  name: 'jsonc-unused-dropped',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser\// }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const { resolveDir, kind } = args;
      const resolved = await build.resolve(args.path, { resolveDir, kind, pluginData: { resolving: true } });
      return { ...resolved, sideEffects: false };
    });
  },
};

// The preview's styles: the published tables' CSS, with colours that read on the editor's dark themes too.
function writePreviewCss(tableCss) {
  const dark = `
.vscode-dark table.govreport-table th, .vscode-dark table.govreport-table td,
.vscode-high-contrast table.govreport-table th, .vscode-high-contrast table.govreport-table td { border-color: currentColor; }
.vscode-dark .govreport-marked, .vscode-high-contrast .govreport-marked { background: rgba(198, 40, 40, 0.3); }
.vscode-dark .govreport-marked.govreport-warning { background: rgba(230, 81, 0, 0.3); }
.vscode-dark .govreport-marked.govreport-info { background: rgba(21, 101, 192, 0.3); }
.vscode-dark ol.govreport-findings, .vscode-dark .govreport-mark { color: #ef9a9a; }
`;
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/preview.css', `${tableCss.trim()}\n${dark.trim()}\n`);
}

// The opencc Traditional → Simplified dictionary (required by core/standard/text.ts for the first text with a
// Traditional character) is a bundle of its own, dist/opencc-t2cn.js, for every Node build: a Simplified draft is
// checked without loading it.
const OPENCC = {
  module: 'opencc-js/t2cn',
  importer: /core[\\/]standard[\\/]text\.ts$/,
  entry: 'node_modules/opencc-js/dist/umd/t2cn.js',
  out: 'opencc-t2cn.js',
};
function lazyModules(...lazies) {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter: /^opencc-js\/t2cn$/ }, (args) => {
        const lazy = lazies.find((l) => l.module === args.path && l.importer.test(args.importer));
        return lazy && args.kind === 'require-call' ? { path: `./${lazy.out}`, external: true } : undefined;
      });
    },
  };
}

// The server's file work for the editor commands (import, export, drafts read from disk with the CLI's decoding) is a
// bundle of its own, dist/files.js, loaded by the first such request: the Word writer, the published-report renderer
// and iconv-lite stay out of the server's start.
const lazyFiles = {
  name: 'lazy-files',
  setup(build) {
    build.onResolve({ filter: /^\.\/lsp\/(?:files|config)$/ }, (args) =>
      /server[\\/]src[\\/]node\.ts$/.test(args.importer) ? { path: `./${args.path.slice(6)}.js`, external: true } : undefined,
    );
  },
};

// 重新计算合计 (its code action, its request and the core function) is a bundle of its own, dist/recalculate.js,
// required by the language server the first time a table is looked at for it: the server's start stays within its
// size bound.
const lazyRecalculate = {
  name: 'lazy-recalculate',
  setup(build) {
    build.onResolve({ filter: /^\.\/recalculate$/ }, (args) =>
      /lsp[\\/]actions[\\/]index\.ts$/.test(args.importer) ? { path: './recalculate.js', external: true } : undefined,
    );
  },
};

// pdf.js's character maps of Simplified Chinese fonts (GB), for PDFs that name a CJK font without embedding it: the
// extension ships no node_modules, so the PDF reader finds them beside its bundle.
function copyChineseCMaps() {
  const from = 'node_modules/pdfjs-dist/cmaps';
  mkdirSync('dist/cmaps', { recursive: true });
  for (const name of readdirSync(from)) if (/GB/.test(name)) copyFileSync(`${from}/${name}`, `dist/cmaps/${name}`);
}
copyChineseCMaps();

// VS Code for the Web (package.json `browser`): the client as the web extension host loads it (CommonJS) and the
// language server as the web worker it starts (a classic script). Browser code only, no Node polyfills: a module
// with a `<name>.browser.ts` beside it is replaced by that one, and test/lsp/web-bundles.test.ts checks that no
// Node built-in is left.
const browserVariants = {
  name: 'browser-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const variant = join(args.resolveDir, `${args.path}.browser.ts`);
      return existsSync(variant) ? { path: variant } : undefined;
    });
  },
};
const web = { ...common, platform: 'browser', target: 'es2022', plugins: [browserVariants, lazyReaders, lazyDocx] };

/**
 * dist/cli.js: the CLI bundle held as a string by a small launcher (server/src/cli/launch.ts) that compiles it with a V8
 * code cache; the cache (dist/cli.<hash of the code>.cache) is written by checking an example draft once, so that it
 * holds the functions a check compiles. Start-up is about a quarter shorter; without the cache the launcher works alike.
 */
async function buildCli() {
  const main = await esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    sourcemap: false,
    write: false,
    // The bundles loaded on demand (readers, the Word writer) are required: a script compiled by node:vm has no import().
    supported: { 'dynamic-import': false },
    plugins: [lazyReaders, lazyDocx, lazyModules(OPENCC)],
  });
  const code = main.outputFiles[0].text;
  const cache = `cli.${createHash('sha256').update(code).digest('hex').slice(0, 12)}.cache`;
  await esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/launch.ts'],
    outfile: 'dist/cli.js',
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { CLI_SOURCE: JSON.stringify(code), CODE_CACHE: JSON.stringify(cache) },
  });
  for (const old of readdirSync('dist')) if (/^cli\.\w+\.cache$/.test(old)) rmSync(join('dist', old));
  rmSync('dist/cli.js.map', { force: true });
  const run = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples/mistakes-2021.report.md'], {
    env: { ...process.env, GOVREPORT_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 1) throw new Error(`dist/cli.js did not check the example draft: ${run.stderr}`);
}

await Promise.all([
  esbuild.build({ ...web, entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] }),
  esbuild.build({ ...web, entryPoints: ['server/src/browser.ts'], outfile: 'dist/web/server.js', format: 'iife' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/node.ts'],
    outfile: 'dist/server.js',
    plugins: [lazyReaders, lazyDocx, lazyFiles, lazyRecalculate, lazyModules(OPENCC), jsoncUnusedDropped],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/lsp/actions/recalculate.ts'],
    outfile: 'dist/recalculate.js',
    plugins: [lazyModules(OPENCC)],
  }),
  buildCli(),
  esbuild.build({ ...common, entryPoints: [OPENCC.entry], outfile: `dist/${OPENCC.out}` }),
  ...READERS.map((kind) =>
    esbuild.build({ ...common, entryPoints: [`server/src/core/readers/${kind}.ts`], outfile: `dist/readers/${kind}.js` }),
  ),
  esbuild.build({ ...common, entryPoints: ['server/src/core/publish/docx.ts'], outfile: 'dist/publish/docx.js' }),
  // The Markdown preview's plugin (the core's table renderer), loaded by the client only when the preview asks for it.
  esbuild.build({
    ...common,
    entryPoints: ['client/src/preview.ts'],
    outfile: 'dist/preview.js',
    plugins: [lazyReaders, lazyDocx, lazyModules(OPENCC)],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/lsp/files.ts'],
    outfile: 'dist/files.js',
    plugins: [lazyReaders, lazyDocx, lazyModules(OPENCC)],
  }),
  // The server's configuration files and previous-year reports (the core comes from the server), loaded by the first check.
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/config.ts'], outfile: 'dist/config.js' }),
  tsImport('./server/src/core/publish/html.ts', import.meta.url).then((m) => writePreviewCss(m.TABLE_CSS)),
  // Snippets of the standard tables, generated from the core's standard data (never edited by hand).
  tsImport('./scripts/gen-snippets.ts', import.meta.url).then((m) => m.writeSnippets('snippets/govreport.code-snippets')),
]);
