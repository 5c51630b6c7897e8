import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import schema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/core';
import { SEEDS, WITH_ERROR, WITH_WARNING, run, tempDir } from './cli';

// The official SARIF 2.1.0 schema is draft-04; one of its patterns is not valid as a unicode regular expression.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

describe('govreport check --format sarif', () => {
  it('is valid SARIF 2.1.0 for web pages, Word files (no region, the cell in properties) and a .doc not checked', () => {
    const fixtures = join(__dirname, '..', 'fixtures');
    const result = run(['check', '--format', 'sarif', join(fixtures, 'corpus', 'pingtan-shenpi-2024.html'), join(fixtures, 'docx')]);
    const log = JSON.parse(result.stdout);
    assertValid(log);
    assert.ok(log.runs[0].results.some((r: { properties?: { table?: number } }) => r.properties?.table));
    assert.equal(log.runs[0].invocations[0].toolExecutionNotifications.length, 1);
  });

  it('the validator rejects what is not SARIF (so the checks below mean something)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(
      validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }),
      false,
    );
  });

  it('is valid SARIF 2.1.0 for the seeds, with rule metadata for every rule', () => {
    const result = run(['check', '--format', 'sarif', SEEDS]);
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout);
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    const [runLog] = log.runs;
    const { driver } = runLog.tool;
    assert.equal(driver.name, 'govreport');
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      RULES.map((r) => r.id),
    );
    for (const [i, rule] of RULES.entries()) {
      const meta = driver.rules[i];
      assert.equal(meta.shortDescription.text, rule.description.zh);
      assert.ok(
        meta.help.text.includes(rule.description.zh) && meta.help.markdown.includes(`**${rule.id}**`),
        `${rule.id}: its documentation travels in the log`,
      );
      assert.equal(meta.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
    }
    assert.ok(runLog.results.length > 10);
    for (const r of runLog.results) {
      assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
      const { region } = r.locations[0].physicalLocation;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
    }
    assert.deepEqual(runLog.invocations, [{ executionSuccessful: true }]);
  });

  it('locates results by a path relative to the working directory (percent-encoded) and 1-based regions', (t) => {
    const dir = tempDir(t);
    mkdirSync(join(dir, '报告 2023'));
    writeFileSync(join(dir, '报告 2023', 'error.md'), WITH_ERROR);
    writeFileSync(join(dir, 'warning.md'), WITH_WARNING);
    const result = run(['check', '--format', 'sarif', '--locale', 'en', '.'], { cwd: dir });
    const log = JSON.parse(result.stdout);
    assertValid(log);
    const results = log.runs[0].results;
    const review = results.find((r: { ruleId: string }) => r.ruleId === 'review-total');
    assert.equal(review.level, 'error');
    assert.match(review.message.text, /1/);
    const { artifactLocation, region } = review.locations[0].physicalLocation;
    assert.deepEqual(artifactLocation, { uri: '%E6%8A%A5%E5%91%8A%202023/error.md', uriBaseId: '%SRCROOT%' });
    const line = WITH_ERROR.split('\n')[region.startLine - 1];
    assert.equal(line.slice(region.startColumn - 1, region.endColumn - 1), '0');
    const wording = results.find((r: { ruleId: string }) => r.ruleId === 'label-wording');
    assert.equal(wording.level, 'warning');
    assert.equal(wording.locations[0].physicalLocation.artifactLocation.uri, 'warning.md');
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'), true);
  });

  it('stays valid when a file cannot be read, and says so in the invocation', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'a.md'), WITH_WARNING);
    writeFileSync(join(dir, 'b.md'), Buffer.from([0, 0, 0]));
    const result = run(['check', '--format', 'sarif', dir]);
    assert.equal(result.status, 2);
    const log = JSON.parse(result.stdout);
    assertValid(log);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /b\.md：是二进制文件/);
  });
});
