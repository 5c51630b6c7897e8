import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import Ajv from 'ajv';
import { RULE_IDS } from '../../server/src/core';
import { CLEAN, run, tempDir, WITH_ERROR, WITH_WARNING } from './cli';

const ROOT = join(__dirname, '..', '..');

interface JsonFile {
  file: string;
  checked?: false;
  findings: { rule: string; severity: string }[];
}

const checkJson = (args: string[], cwd: string, input?: string) => {
  const result = run(['check', '--format', 'json', ...args], { cwd, ...(input !== undefined && { input }) });
  return { ...result, files: result.stdout ? (JSON.parse(result.stdout) as JsonFile[]) : [] };
};

const severities = (files: JsonFile[], rule: string) =>
  files.map((f) => [f.file, f.findings.filter((x) => x.rule === rule).map((x) => x.severity)]);

/** region/.govreport.json turns review-total into a warning; region/county/.govreport.jsonc (with comments) turns it off. */
function region(t: TestContext): string {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'county', 'drafts'), { recursive: true });
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ rules: { 'review-total': 'warning' } }));
  writeFileSync(join(dir, 'city.md'), WITH_ERROR);
  writeFileSync(
    join(dir, 'county', '.govreport.jsonc'),
    '{\n  // 县里不查复议合计\n  "rules": { "review-total": "off", },\n  "ignores": ["drafts/**"],\n}\n',
  );
  writeFileSync(join(dir, 'county', 'county.md'), WITH_ERROR);
  writeFileSync(join(dir, 'county', 'drafts', 'draft.md'), WITH_ERROR);
  return dir;
}

describe('.govreport.json(c): the nearest configuration file from each checked file’s folder upward', () => {
  it('the nearest wins; comments and trailing commas are read; ignores leave out what a folder walk finds', (t) => {
    const dir = region(t);
    const { status, files, stderr } = checkJson(['.'], dir);
    assert.equal(status, 0);
    assert.equal(stderr, 'govreport: 按 .govreportignore 和配置文件的 ignores 跳过 1 个文件\n');
    assert.deepEqual(severities(files, 'review-total'), [
      ['city.md', ['warning']],
      [join('county', 'county.md'), []],
    ]);
  });

  it('a file named on the command line is checked even where ignores would leave it out', (t) => {
    const dir = region(t);
    const { files } = checkJson([join('county', 'drafts', 'draft.md')], dir);
    assert.deepEqual(severities(files, 'review-total'), [[join('county', 'drafts', 'draft.md'), []]]);
  });

  it('--config FILE applies one file to every report; --rule ID=SEVERITY wins over it (off too)', (t) => {
    const dir = region(t);
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { 'review-total': 'error', 'label-wording': 'error' } }));
    writeFileSync(join(dir, 'warning.md'), WITH_WARNING);
    const named = checkJson(['--config', 'strict.json', 'city.md', join('county', 'county.md'), 'warning.md'], dir);
    assert.equal(named.status, 1);
    assert.deepEqual(severities(named.files, 'review-total'), [
      ['city.md', ['error']],
      [join('county', 'county.md'), ['error']],
      ['warning.md', []],
    ]);
    assert.deepEqual(severities(named.files, 'label-wording')[2], ['warning.md', ['error']]);
    const overridden = checkJson(
      ['--config', 'strict.json', '--rule', 'review-total=off', '--rule', 'label-wording=info', 'city.md', 'warning.md'],
      dir,
    );
    assert.equal(overridden.status, 0);
    assert.deepEqual(severities(overridden.files, 'review-total'), [
      ['city.md', []],
      ['warning.md', []],
    ]);
    assert.deepEqual(severities(overridden.files, 'label-wording')[1], ['warning.md', ['info']]);
  });

  it('a configuration that is not valid stops the run with its file and the problem (exit 2)', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ rules: { 'review-totals': 'off' } }));
    writeFileSync(join(dir, 'a.md'), CLEAN);
    const result = run(['check', 'a.md'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\.govreport\.json：配置文件无效——rules/);
    const rule = run(['check', '--rule', 'review-total=fatal', 'a.md'], { cwd: dir });
    assert.equal(rule.status, 2);
    assert.match(rule.stderr, /--rule 的值“review-total=fatal”无效/);
  });
});

describe('paths: globs expanded in-process, .govreportignore, standard input', () => {
  it('a quoted glob is expanded by govreport itself; a glob matching nothing is an error', (t) => {
    const dir = region(t);
    const { files } = checkJson(['**/*.md'], dir);
    assert.deepEqual(
      files.map((f) => f.file),
      ['city.md', join('county', 'county.md')],
    );
    const none = run(['check', 'nowhere/*.md'], { cwd: dir });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /nowhere\/\*\.md：没有匹配的文件/);
  });

  it('.govreportignore (gitignore syntax) in the working folder leaves files out of walks and globs', (t) => {
    const dir = region(t);
    writeFileSync(join(dir, '.govreportignore'), '# 县里的报告另行检查\ncounty/\n');
    const walked = checkJson(['.'], dir);
    assert.deepEqual(
      walked.files.map((f) => f.file),
      ['city.md'],
    );
    assert.equal(walked.stderr, 'govreport: 按 .govreportignore 和配置文件的 ignores 跳过 2 个文件\n');
    assert.deepEqual(
      checkJson(['**/*.md'], dir).files.map((f) => f.file),
      ['city.md'],
    );
  });

  it('- reads a draft from standard input, with the configuration of the working folder', (t) => {
    const dir = region(t);
    const { status, files } = checkJson(['-'], dir, WITH_ERROR);
    assert.equal(status, 0);
    assert.deepEqual(severities(files, 'review-total'), [['-', ['warning']]]);
  });
});

describe('the JSON Schema of the configuration file', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'govreport.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);

  it('is named in contributes.jsonValidation for both file names', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [
      { fileMatch: ['.govreport.json', '.govreport.jsonc'], url: './schemas/govreport.schema.json' },
    ]);
  });

  it('accepts every rule id and severity, the settings and ignores; rejects a misspelt rule, severity or field', () => {
    assert.ok(
      validate({
        rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'off'])),
        edition: '2021',
        year: 2023,
        locale: 'en',
        ignores: ['drafts/**'],
      }),
      JSON.stringify(validate.errors),
    );
    assert.ok(!validate({ rules: { 'review-totals': 'off' } }));
    assert.ok(!validate({ rules: { 'review-total': 'fatal' } }));
    assert.ok(!validate({ rule: {} }));
  });
});
