import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { RULES } from '../../server/src/core';
import { CONFIG_SECTION, Commands, LANGUAGE_ID } from '../../server/src/shared/protocol';
import { settingsSchema } from '../../server/src/shared/settings';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** The settings the server reads; `govreport.trace.server` is the language client's own. */
const properties: Record<string, any> = Object.fromEntries(
  Object.entries(manifest.contributes.configuration.properties).filter(([key]) => key !== `${CONFIG_SECTION}.trace.server`),
);
const schema = z.toJSONSchema(settingsSchema, { io: 'input' }) as { properties: Record<string, any> };
const sorted = (values: unknown[]) => [...values].map(String).sort();

describe('package.json contributes.configuration mirrors the settings schema', () => {
  test('every schema key is a setting, and every setting a schema key', () => {
    assert.deepEqual(
      Object.keys(properties).sort(),
      Object.keys(schema.properties)
        .map((k) => `${CONFIG_SECTION}.${k}`)
        .sort(),
    );
  });

  for (const [key, field] of Object.entries(schema.properties)) {
    test(`${CONFIG_SECTION}.${key}: same default and choices`, () => {
      const setting = properties[`${CONFIG_SECTION}.${key}`];
      assert.deepEqual(setting.default, field.default);
      if (field.enum) assert.deepEqual(sorted(setting.enum), sorted(field.enum));
      if (field.anyOf) {
        const number = field.anyOf.find((t: any) => t.type === 'integer');
        assert.deepEqual(sorted(setting.type), sorted(field.anyOf.map((t: any) => t.type)));
        assert.equal(setting.minimum, number.minimum);
        assert.equal(setting.maximum, number.maximum);
      }
      if (field.additionalProperties) {
        assert.equal(setting.type, 'object');
        for (const rule of Object.values<any>(setting.properties))
          assert.deepEqual(sorted(rule.enum), sorted(field.additionalProperties.enum));
      }
    });
  }

  test('govreport.rules names every rule with its default severity', () => {
    const rules = properties[`${CONFIG_SECTION}.rules`].properties;
    assert.deepEqual(Object.keys(rules).sort(), RULES.map((r) => r.id).sort());
    for (const rule of RULES) assert.equal(rules[rule.id].default, rule.severity, rule.id);
  });
});

describe('package.json manifest', () => {
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
  const nlsZh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

  test('every %key% is translated in both package.nls files, and the files have the same keys', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 30);
    for (const key of keys) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsZh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nls).sort(), Object.keys(nlsZh).sort());
  });

  test('the commands are the ones the client registers', () => {
    assert.deepEqual(manifest.contributes.commands.map((c: { command: string }) => c.command).sort(), Object.values(Commands).sort());
  });

  test('activation on the language (an empty activationEvents does not activate), untrusted workspaces supported', () => {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  test('the Markdown preview gets our plugin and styles, and the packaged files include every bundle the extension loads', () => {
    assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
    for (const style of manifest.contributes['markdown.previewStyles']) assert.ok(existsSync(join(ROOT, style)), style);
    for (const bundle of [
      'dist/client.js',
      'dist/server.js',
      'dist/preview.js',
      'dist/files.js',
      'dist/config.js',
      'dist/publish/docx.js',
      'dist/readers/docx.js',
    ]) {
      assert.ok(existsSync(join(ROOT, bundle)), bundle);
      const pattern = (glob: string) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
      assert.ok(
        manifest.files.some((glob: string) => pattern(glob).test(bundle)),
        `${bundle} is packaged`,
      );
    }
    assert.equal(manifest.contributes.configuration.properties[`${CONFIG_SECTION}.trace.server`].default, 'off');
  });

  test('the language, grammar and snippets point at files that exist after the build', () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === LANGUAGE_ID);
    assert.ok(new RegExp(language.firstLine).test('# 某某县人民政府2023年政府信息公开工作年度报告'));
    for (const seed of ['000_62583aa41b8f3eed.txt', '002_0dabcd11a12b22e6.txt', '003_add447287257bd48.txt']) {
      const firstLine = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', seed), 'utf8').split('\n')[0];
      assert.ok(new RegExp(language.firstLine).test(firstLine), `a pasted title opens as govreport: ${firstLine}`);
    }
    assert.ok(!new RegExp(language.firstLine).test('# 会议记录'));
    for (const path of [
      language.configuration,
      ...manifest.contributes.grammars.map((g: any) => g.path),
      ...manifest.contributes.snippets.map((s: any) => s.path),
    ]) {
      assert.ok(existsSync(join(ROOT, path)), path);
    }
  });
});
