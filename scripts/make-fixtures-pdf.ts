/**
 * `node --import tsx scripts/make-fixtures-pdf.ts` — regenerates the PDF fixtures of test/fixtures/pdf/ (committed, so
 * CI needs none of these tools). Needs Debian's `chromium`, LibreOffice (`soffice`), `img2pdf` and a CJK font:
 *   apt-get install -y chromium libreoffice-writer-nogui img2pdf fonts-wqy-microhei
 * - `<page>.chromium.pdf`: a corpus web page (../shared/corpus/html) printed by headless Chromium, site chrome and all;
 *   A4, so table 三 runs over a page break.
 * - `<page>.libreoffice.pdf`: the report body of a corpus page opened and exported by LibreOffice Writer (the
 *   closest to a Word-made PDF we can make here).
 * - `clean-2021.libreoffice.pdf`: the canonical example draft rendered to HTML, exported by LibreOffice on A5 with a
 *   large font, so its tables continue over several pages and long labels wrap.
 * - `clean-2021.borderless.libreoffice.pdf`: the same on A4 with tables drawn without any border (read from where
 *   their text stands).
 * - `scan.pdf`: a screenshot of a report wrapped in a PDF: an image without a text layer.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';

const ROOT = join(__dirname, '..');
const CORPUS = process.env.GOVREPORT_CORPUS ?? join(ROOT, '..', '..', 'shared', 'corpus', 'html');
const OUT = join(ROOT, 'test', 'fixtures', 'pdf');
const CHROMIUM_PAGES = [
  'pingtan-jinjing-2019',
  'pingtan-jinjing-2024',
  'pingtan-jiaojian-2024',
  'pingtan-shichangjianguan-2025',
  'pingtan-shenpi-2024',
  'pingtan-caizheng-2025',
];
const LIBREOFFICE_PAGES = ['pingtan-jinjing-2021', 'pingtan-jiaojian-2025', 'pingtan-shenpi-2024', 'pingtan-caizheng-2025'];

/** Running headers and footers: Chromium's own (date, title, address, `3/7`), `- 3 -` and `第3页 共7页`. */
const pageFooter = (html: string) => ({
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: `<div style="font-size:10px;width:100%;text-align:center">${html}</div>`,
  margin: { top: '20mm', bottom: '20mm' },
});
const FOOTERS: Record<string, object> = {
  'pingtan-shenpi-2024': { displayHeaderFooter: true, margin: { top: '20mm', bottom: '20mm' } },
  'pingtan-jiaojian-2024': pageFooter('- <span class="pageNumber"></span> -'),
  'pingtan-caizheng-2025': pageFooter('第<span class="pageNumber"></span>页 共<span class="totalPages"></span>页'),
};

const work = mkdtempSync(join(tmpdir(), 'govreport-pdf-'));

/** LibreOffice Writer's PDF of an HTML file, written to OUT under `name`. */
function libreOffice(html: string, name: string): void {
  const input = join(work, `${name}.html`);
  writeFileSync(input, html);
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${work}/profile`,
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      work,
      input,
    ],
    { stdio: 'ignore' },
  );
  copyFileSync(join(work, `${name}.pdf`), join(OUT, `${name}.libreoffice.pdf`));
}

const page = (body: string, style = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:"WenQuanYi Micro Hei"}${style}</style></head><body>${body}</body></html>`;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext();
    // The archived pages load the site's scripts and styles from the network: nothing here reaches it.
    await context.route(/^https?:/, (route) => route.abort());
    const tab = await context.newPage();
    for (const name of new Set([...CHROMIUM_PAGES, ...LIBREOFFICE_PAGES])) {
      await tab.goto(`file://${join(CORPUS, `${name}.html`)}`, { waitUntil: 'load' });
      if (CHROMIUM_PAGES.includes(name))
        await tab.pdf({ path: join(OUT, `${name}.chromium.pdf`), format: 'A4', printBackground: true, ...FOOTERS[name] });
      if (LIBREOFFICE_PAGES.includes(name)) {
        const title = await tab.evaluate(
          () => (document.querySelector('.article_title') ?? document.querySelector('h1'))?.textContent?.trim() ?? '',
        );
        const body = await tab.evaluate(() => document.querySelector('.TRS_Editor, .article_content')?.innerHTML ?? '');
        libreOffice(page(`<h1>${title}</h1>${body}`), name);
      }
    }

    const draft = readFileSync(join(ROOT, 'examples', 'clean-2021.report.md'), 'utf8');
    const html = new MarkdownIt({ breaks: true })
      .render(draft)
      .replace(/<table>/g, '<table border="1" cellspacing="0" cellpadding="2" width="100%">');
    libreOffice(page(html, '@page{size:148mm 210mm;margin:10mm}body{font-size:10pt}'), 'clean-2021');
    libreOffice(page(html.replace(/<table border="1"/g, '<table border="0"')), 'clean-2021.borderless');

    await tab.setViewportSize({ width: 900, height: 1270 });
    await tab.setContent(page(html, 'table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px}'));
    const png = join(work, 'scan.png');
    await tab.screenshot({ path: png });
    execFileSync('img2pdf', ['--pagesize', 'A4', '-o', join(OUT, 'scan.pdf'), png]);
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
