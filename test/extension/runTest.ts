import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * Extension-host tests (`npm run test:extension`): a real VS Code runs the extension and the mocha suite in
 * suite/. @vscode/test-electron would download VS Code, which this network cannot reach, so a VS Code already on
 * disk is required: set VSCODE_EXECUTABLE_PATH. Without it the run is skipped (exit 0) and says why.
 */
const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (!executable) {
    console.log(
      'test:extension skipped: VSCODE_EXECUTABLE_PATH is not set (downloading VS Code needs a network this machine does not have).',
    );
    return;
  }
  const { runTests } = await import('@vscode/test-electron');
  const out = join(ROOT, 'dist', 'test', 'extension');
  // The extension host loads JavaScript: the runner and the suite are bundled like the extension itself.
  await esbuild.build({
    entryPoints: [join(__dirname, 'suite', 'index.ts'), join(__dirname, 'suite', 'extension.suite.ts')],
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  const userData = mkdtempSync(join(tmpdir(), 'govreport-vscode-'));
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(out, 'index.js'),
      launchArgs: [join(ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`],
    });
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
