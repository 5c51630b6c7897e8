// A made-up third edition added to a copy of the standard (test/support/third-edition.ts, imported first): every
// consumer accepts it with no code change — editions are data end to end.
import { RENAMED, THIRD } from '../support/third-edition';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MANIFEST, NLS, regenerateManifest, regenerateNls } from '../../scripts/docs';
import { snippets, tablePrefix } from '../../scripts/gen-snippets';
import { parseCommandLine } from '../../server/src/cli/args';
import { messagesFor } from '../../server/src/cli/messages';
import {
  check,
  EDITION_IDS,
  editionForYear,
  fixAll,
  getEdition,
  NEWEST_EDITION,
  renderReport,
  renderStandardTable,
} from '../../server/src/core';
import { reportSnippet, standardTables } from '../../server/src/lsp/snippets';
import { readSettings } from '../../server/src/shared/settings';

const rulesOf = (text: string, settings = {}) => check(text, settings).findings.map((f) => f.rule);
const issuedTable = (edition: string) => getEdition(edition).tables.find((t) => t.id === 'proactive.一')!;

describe(`a made-up edition ${THIRD} in a copy of the standard`, () => {
  it('is the newest edition and the edition of its report years', () => {
    assert.deepEqual(EDITION_IDS, ['2019', '2021', THIRD]);
    assert.equal(NEWEST_EDITION, THIRD);
    assert.equal(editionForYear(2030), '2021');
    assert.equal(editionForYear(2031), THIRD);
    assert.equal(editionForYear(2040), THIRD);
    assert.equal(editionForYear(2018), 'pre2019');
  });

  it('a report with no year is told to follow it by its tables (the renamed column wins the vote)', () => {
    const report = renderReport(THIRD, 2031)
      .replace(/2031年/g, '')
      .replace(/\d{4}年1月20日/, '');
    const { report: parsed } = check(report);
    assert.equal(parsed.year, undefined);
    assert.equal(parsed.edition, THIRD);
  });

  it('its canonical report has no finding; the rules check it against its own tables', () => {
    const report = renderReport(THIRD, 2032);
    assert.deepEqual(rulesOf(report), []);
    assert.ok(report.includes(RENAMED.to));
    const withoutRow = report.replace(/^\| 行政强制 \|.*\n/m, '');
    assert.deepEqual(rulesOf(withoutRow), ['row-missing']);
    const withoutFees = report.replace('本年度未收取信息处理费。', '无。');
    assert.deepEqual(rulesOf(withoutFees), ['fee-disclosure']);
  });

  it('edition-mismatch reports the 2021 table in a 2032 report and its fix brings the new column', () => {
    const report = renderReport(THIRD, 2032).replace(renderStandardTable(issuedTable(THIRD)), renderStandardTable(issuedTable('2021')));
    const findings = check(report, { locale: 'en' }).findings.filter((f) => f.rule === 'edition-mismatch');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, new RegExp(`follows the 2021 edition; this report must use the ${THIRD} edition`));
    const fixed = fixAll(report, {}, { unsafe: true }).text;
    assert.ok(fixed.includes(RENAMED.to) && !fixed.includes(RENAMED.from));
    assert.deepEqual(rulesOf(fixed), []);
  });

  it('the settings, the CLI and the generated manifest accept it as an edition choice', () => {
    assert.deepEqual(readSettings({ edition: THIRD }), { settings: { ...readSettings({}).settings, edition: THIRD }, problems: [] });
    assert.equal(readSettings({ edition: '2041' }).problems.length, 1);
    const invocation = parseCommandLine(['check', '--edition', THIRD, 'x.md'], messagesFor('en'));
    assert.equal(invocation.command === 'check' && invocation.settings.edition, THIRD);
    assert.match(messagesFor('en').help('0'), new RegExp(`--edition auto\\|2019\\|2021\\|${THIRD} +edition of the format`));
    assert.deepEqual(rulesOf(renderReport('2021', 2023), { edition: THIRD }), ['edition-mismatch']);
    const manifest = regenerateManifest(JSON.parse(readFileSync(MANIFEST, 'utf8')));
    const edition = manifest.contributes.configuration.properties['govreport.edition'];
    assert.deepEqual(edition.enum, ['auto', '2019', '2021', THIRD]);
    assert.ok(edition.enumDescriptions.includes(`%govreport.config.edition.${THIRD}%`));
    const nls = regenerateNls(JSON.parse(readFileSync(NLS.en, 'utf8')), 'en');
    assert.equal(nls[`govreport.config.edition.${THIRD}`], '国办公开办函〔2031〕1号');
    assert.equal(
      nls['govreport.config.edition.auto'],
      `From the report year (2019 for 2019–2020, 2021 for 2021–2030, ${THIRD} from ${THIRD} on).`,
    );
  });

  it('the snippets and the editor’s standard tables offer it', () => {
    const all = snippets();
    const prefixes = Object.values(all).flatMap((s) => s.prefix);
    assert.ok(prefixes.includes(`gr-${THIRD}-report`));
    assert.equal(tablePrefix(THIRD, issuedTable(THIRD)), `gr-${THIRD}-proactive-1`);
    assert.ok(prefixes.includes(`gr-${THIRD}-proactive-1`));
    assert.ok(reportSnippet(THIRD, { cells: true }).includes(RENAMED.to));
    assert.deepEqual(
      standardTables(THIRD).map((t) => t.def.id),
      getEdition('2021').tables.map((t) => t.id),
    );
  });
});
