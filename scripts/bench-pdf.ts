/**
 * `npm run bench` (PDF part) — the PDF reader beside poppler's `pdftotext -layout` on the same files, in one run:
 * every text PDF of test/fixtures/pdf read by `readSource` (the PDF reader) in process (best of three passes after a warm-up pass) and by
 * `pdftotext -layout` (best of three, one process per file, its start included). Goal: no more than 4× pdftotext's
 * time. pdftotext is a dev-machine tool (Debian `poppler-utils`): where it is absent its row says so.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { readSource } from '../server/src/core';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures', 'pdf');
const RUNS = 3;

async function main(): Promise<void> {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.pdf') && f !== 'scan.pdf')
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, f))) }));
  const megabytes = files.reduce((sum, f) => sum + f.bytes.length, 0) / 1024 / 1024;

  const cold = performance.now();
  await readSource(files[0].bytes, files[0].name);
  const firstRead = performance.now() - cold;
  for (const f of files) await readSource(f.bytes, f.name);
  let ours = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    for (const f of files) await readSource(f.bytes, f.name);
    ours = Math.min(ours, performance.now() - started);
  }

  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  let poppler: number | undefined;
  if (!probe.error) {
    poppler = Infinity;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      for (const f of files) spawnSync('pdftotext', ['-layout', join(FIXTURES, f.name), '-'], { maxBuffer: 64 * 1024 * 1024 });
      poppler = Math.min(poppler, performance.now() - started);
    }
  }

  const size = `${files.length} files, ${megabytes.toFixed(1)} MB`;
  const rows = [
    [
      'PDF reader (pdfjs-dist, in process)',
      size,
      `${ours.toFixed(0)} ms, ${(ours / files.length).toFixed(0)} ms per file`,
      '≤ 4× pdftotext',
      poppler === undefined ? '' : ours <= 4 * poppler ? `met: ${(ours / poppler).toFixed(1)}×` : `MISSED: ${(ours / poppler).toFixed(1)}×`,
    ],
    ['PDF reader, first file (loading pdf.js)', files[0].name, `${firstRead.toFixed(0)} ms`, '—', ''],
    poppler === undefined
      ? ['pdftotext -layout', size, 'skipped: pdftotext is not installed (Debian poppler-utils)', '—', '']
      : [
          'pdftotext -layout (a process per file)',
          size,
          `${poppler.toFixed(0)} ms, ${(poppler / files.length).toFixed(0)} ms per file`,
          '—',
          '',
        ],
  ];
  const header = ['measurement', 'size', 'result', 'goal', 'verdict'];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nnode ${process.version}, ${cpus().length} cores; best of ${RUNS} passes over the same files.`);
}

void main();
