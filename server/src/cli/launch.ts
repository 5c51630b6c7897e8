/**
 * The CLI as shipped (dist/cli.js): the bundle's code, held as a string, compiled with the V8 code cache that the
 * build writes beside it (dist/cli.<build>.cache, made by checking an example draft), so that a run starts without
 * compiling the CLI's functions again. Where the cache is absent or was made by another Node.js, V8 compiles as usual:
 * the file alone is the whole CLI.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

declare const CLI_SOURCE: string;
declare const CODE_CACHE: string;

const cacheFile = path.join(__dirname, CODE_CACHE);
let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // No cache: compiled as usual.
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${CLI_SOURCE}\n})`, {
  filename: __filename,
  cachedData,
});
if (process.env.GOVREPORT_WRITE_CODE_CACHE === '1') process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext()(exports, createRequire(__filename), module, __filename, __dirname);
