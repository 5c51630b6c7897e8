import { escapeHtml } from '../core';

/** One bar: a report, its parts (one for a plain bar, a kind of result each for a stacked one), a link to its details. */
export interface Bar {
  label: string;
  href: string;
  parts: number[];
}

export interface ChartOptions {
  /** What the chart shows, for screen readers and the tooltip of the whole. */
  title: string;
  /** The name of each part (a legend is drawn where there are several). */
  legend: string[];
  colors: readonly string[];
}

const WIDTH = 760;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 56;
const ROW = 22;
const BAR = 14;
const LEGEND_ROW = 20;
/** About how wide a character is drawn at 12 px: CJK full width, the rest about half. */
const charWidth = (c: string) => (c.charCodeAt(0) > 0x2e7f ? 12 : 7);

/** A label cut to the room left of the bars (the whole label is in the bar's tooltip). */
function clip(label: string): string {
  let width = 0;
  for (let i = 0; i < label.length; i++) {
    width += charWidth(label[i]);
    if (width > LABEL_WIDTH - 20) return `${label.slice(0, i)}…`;
  }
  return label;
}

/** Where each legend entry goes, wrapping to a new line when the chart's width is used up. */
function legendLayout(legend: string[]): { x: number; y: number; text: string }[] {
  const placed: { x: number; y: number; text: string }[] = [];
  let x = 0;
  let y = 0;
  for (const text of legend) {
    const width = 24 + [...text].reduce((sum, c) => sum + charWidth(c), 0);
    if (x > 0 && x + width > WIDTH) {
      x = 0;
      y += LEGEND_ROW;
    }
    placed.push({ x, y, text });
    x += width;
  }
  return placed;
}

/**
 * A horizontal bar chart as inline SVG (nothing fetched, no script): a row per bar with its label, the bar (its parts
 * stacked left to right) and its total; each row links to the report. Lengths are to scale from 0.
 */
export function barChart(bars: Bar[], { title, legend, colors }: ChartOptions): string {
  const legendItems = legend.length > 1 ? legendLayout(legend) : [];
  const top = legendItems.length ? legendItems[legendItems.length - 1].y + LEGEND_ROW + 6 : 0;
  const height = top + bars.length * ROW + 4;
  const totals = bars.map((b) => b.parts.reduce((a, c) => a + c, 0));
  const max = Math.max(1, ...totals);
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max;
  const color = (i: number) => colors[i % colors.length];
  const legendSvg = legendItems
    .map(
      ({ x, y, text }, i) =>
        `<rect x="${x}" y="${y + 3}" width="12" height="12" fill="${color(i)}"/><text x="${x + 17}" y="${y + 14}">${escapeHtml(text)}</text>`,
    )
    .join('');
  const rows = bars.map((bar, r) => {
    const y = top + r * ROW;
    let x = LABEL_WIDTH;
    const rects = bar.parts.map((value, i) => {
      const width = value * scale;
      const rect =
        value > 0
          ? `<rect class="rv-bar-part" x="${x.toFixed(1)}" y="${y + (ROW - BAR) / 2}" width="${Math.max(width, 1).toFixed(1)}" height="${BAR}" fill="${color(i)}"><title>${escapeHtml(`${legend[i] ?? ''} ${value}`.trim())}</title></rect>`
          : '';
      x += width;
      return rect;
    });
    return (
      `<a class="rv-bar" href="${escapeHtml(bar.href)}" data-label="${escapeHtml(bar.label)}" data-total="${totals[r]}">` +
      `<title>${escapeHtml(`${bar.label}：${totals[r]}`)}</title>` +
      `<text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${escapeHtml(clip(bar.label))}</text>` +
      `${rects.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + ROW / 2 + 4}" class="rv-bar-value">${totals[r]}</text></a>`
    );
  });
  return (
    `<svg class="rv-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<title>${escapeHtml(title)}</title>${legendSvg}${rows.join('')}</svg>`
  );
}
