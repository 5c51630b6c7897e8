/**
 * A made-up third edition of the national format, `2031` (report years from 2031): the 2021 tables with one column
 * renamed. Importing this module FIRST puts it into a copy of the standard's editions before anything loads the
 * standard, so every consumer (detection, rules, snippets, settings, CLI, generated manifest) is built from the copy
 * with no other code changed. Each test file runs in its own process, so no other test sees it.
 */
import * as editions from '../../server/src/core/standard/editions';
import { editionDef } from '../../server/src/core/standard/schema';

export const THIRD = '2031';
export const RENAMED = { from: '本年制发件数', to: '本年新发布件数' };

const base = editions.EDITIONS.find((e) => e.id === '2021')!;
const tables = structuredClone(base.tables);
const issued = tables.find((t) => t.id === 'proactive.一')!.columns.find((c) => c.label === RENAMED.from)!;
Object.assign(issued, { label: RENAMED.to, variants: [] });

export const THIRD_EDITION = editionDef.parse({ ...base, id: THIRD, document: '国办公开办函〔2031〕1号', firstYear: 2031, tables });

const cached = require.cache[require.resolve('../../server/src/core/standard/editions')]!;
cached.exports = { ...editions, EDITIONS: [...editions.EDITIONS, THIRD_EDITION] };
