import { join } from 'node:path';
import Mocha from 'mocha';

/** Entry the extension host calls: runs the bundled suite with mocha's TDD interface. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false });
  mocha.addFile(join(__dirname, 'extension.suite.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension tests failed`)) : resolve()));
  });
}
