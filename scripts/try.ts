import { readFileSync } from 'node:fs';
import { check } from '../server/src/core/check';
const text = readFileSync(process.argv[2], 'utf8');
const { findings } = check(text, { locale: (process.argv[3] as 'en') ?? 'zh-CN' });
const lineOf = (o: number) => text.slice(0, o).split('\n').length;
for (const f of findings) console.log(`${lineOf(f.span.start)} ${f.severity} ${f.rule}: ${f.message}${f.fixes.length ? ' [fix: ' + f.fixes[0].title + ']' : ''}`);
