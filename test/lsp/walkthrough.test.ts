import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const manifest = json('package.json');
const nls = { en: json('package.nls.json'), zh: json('package.nls.zh-cn.json') } as Record<string, Record<string, string>>;
const key = (value: string) => value.replace(/^%|%$/g, '');

test('the walkthrough goes new report → tables → fix → preview → export, each step a button for its command', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  assert.deepEqual(
    walkthrough.steps.map((s: { id: string }) => s.id),
    ['newReport', 'tables', 'fix', 'preview', 'export'],
  );
  for (const locale of ['zh', 'en']) {
    for (const text of [walkthrough.title, walkthrough.description]) assert.ok(nls[locale][key(text)], `${locale}: ${text}`);
  }
  for (const step of walkthrough.steps) {
    const [command] = step.completionEvents.map((e: string) => e.replace(/^onCommand:/, ''));
    assert.ok(commands.has(command), command);
    for (const locale of ['zh', 'en']) {
      assert.ok(nls[locale][key(step.title)], `${locale}: ${step.title}`);
      // A line holding only a command link is shown as a button.
      assert.ok(nls[locale][key(step.description)].endsWith(`](command:${command})`), `${locale}: ${step.id}`);
    }
    const media = join(ROOT, step.media.markdown);
    const text = readFileSync(media, 'utf8');
    // Chinese first, English below the rule.
    const [zh, en] = text.split('\n---\n');
    assert.match(zh, /^# \p{Script=Han}/u, step.id);
    assert.match(en, /\n## [A-Z]/, step.id);
    for (const [, image] of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(existsSync(join(dirname(media), image)), image);
  }
  assert.ok(manifest.files.includes('media/walkthrough/*.md'), 'the media ship with the extension');
});

test('重新计算合计 is a command with its title in both languages, offered in the palette for report documents', () => {
  const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'govreport.recalculateTotals');
  assert.equal(nls.zh[key(command.title)], '重新计算合计');
  assert.equal(nls.en[key(command.title)], 'Recalculate totals');
  const palette = manifest.contributes.menus.commandPalette.find((m: { command: string }) => m.command === command.command);
  assert.match(palette.when, /editorLangId == govreport/);
});
