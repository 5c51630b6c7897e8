// Renders the extension's icon, images/icon.svg, to images/icon.png (256×256; the Marketplace wants a PNG of at least
// 128×128) in Debian's headless Chromium, as the real-editor tests drive it. Run after editing the SVG:
// `node --import tsx scripts/make-icon.ts`; the PNG is committed, so packaging needs no browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const SIZE = 256;
const IMAGES = join(__dirname, '..', 'images');

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.GOVREPORT_E2E_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
    const svg = readFileSync(join(IMAGES, 'icon.svg'), 'utf8');
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: join(IMAGES, 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
}

void main();
