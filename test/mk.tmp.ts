import { writeFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { renderReport } from '../server/src/core';
// A canonical 2023 report whose every figure differs (1, 2, 3, … in reading order): arithmetic findings on purpose.
let n = 0;
const draft = renderReport('2021', 2023).replace(/\| 0(?= \|)/g, () => `| ${++n}`);
writeFileSync('/tmp/readers/docx/canonical-2023.report.md', draft);
writeFileSync('/tmp/readers/docx/canonical-2023.html', `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${new MarkdownIt().render(draft)}</body></html>`);
console.log(n);
