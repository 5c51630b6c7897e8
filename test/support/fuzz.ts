/**
 * The fuzzer behind `npm run fuzz` and test/property/fuzz.test.ts: generated drafts (any layout, noise and injected
 * errors, see generator.ts) and mutated seeds, each checked against every property of invariants.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScrapedText } from '../../server/src/core';
import { ODD_LINE_ENDS, type Truth, generateDraft, randomOptions, truthOf, withLineEnds } from './generator';
import { type Violation, draftViolations } from './invariants';
import { knownIssue } from './known-issues';
import { Random } from './random';

export const SEEDS_DIR = join(__dirname, '..', 'fixtures', 'seeds');
/** Real page text as site archives store it (whole report on a line, figures run together): read by its reader. */
const SCRAPED_DIR = join(__dirname, '..', 'fixtures', 'scraped');

const textsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

let seedTexts: { name: string; text: string }[] | undefined;
export function seedFiles(): { name: string; text: string }[] {
  seedTexts ??= textsIn(SEEDS_DIR);
  return seedTexts;
}

let scrapedTexts: { name: string; text: string }[] | undefined;
function scrapedFiles(): { name: string; text: string }[] {
  scrapedTexts ??= textsIn(SCRAPED_DIR);
  return scrapedTexts;
}

/** Pieces that stress the parser when dropped into a draft: table syntax, numbering, odd characters. */
export const JUNK = [
  '|',
  '｜',
  '\t',
  '\n',
  '\r\n',
  '  ',
  '\u3000',
  '#',
  '## ',
  '三、',
  '（七）',
  '1.',
  '---',
  '| --- |',
  '0',
  '-1',
  '1,234',
  '２２',
  '万元',
  '[bookmark: _GoBack]',
  '<!-- govreport-disable -->',
  '<!-- govreport-enable row-total -->',
  '统计期限为2020年1月1日至',
  '2021年1月20日',
  '第二十条第（五）项',
  '總計',
  '\ufeff',
  '😀',
  '\ud800',
  '\\|',
  '`',
  '> ',
  '- ',
  '<table>',
  '\r',
  '\r\r\n',
  '\0',
  '```',
  '~~~',
];

/** The offset of a random match of `pattern` (global) in `text`, or -1. */
function randomMatch(text: string, pattern: RegExp, random: Random): RegExpExecArray | undefined {
  const matches = [...text.matchAll(pattern)];
  return matches.length ? matches[random.int(0, matches.length - 1)] : undefined;
}

/**
 * A seed with a few random edits: ranges deleted or repeated, junk inserted, lines swapped, the end cut off, the line
 * ends rewritten (CR, CR CR LF, mixed, a lone CR before a line), stray NULs dropped in, a pipe between two figures
 * lost (`| 21 1 |`), a space put inside a figure (`1 0`), or a figure mistyped (one digit changed).
 */
export function mutateSeed(text: string, random: Random): { text: string; edits: string[] } {
  const edits: string[] = [];
  const count = random.int(1, 6);
  for (let i = 0; i < count; i++) {
    const at = random.int(0, text.length);
    switch (random.int(0, 9)) {
      case 0: {
        const end = Math.min(text.length, at + random.int(1, 300));
        text = text.slice(0, at) + text.slice(end);
        edits.push(`delete ${at}-${end}`);
        break;
      }
      case 1: {
        const end = Math.min(text.length, at + random.int(1, 400));
        const times = random.int(1, 20);
        text = text.slice(0, end) + text.slice(at, end).repeat(times) + text.slice(end);
        edits.push(`repeat ${at}-${end} ×${times}`);
        break;
      }
      case 2: {
        const junk = Array.from({ length: random.int(1, 8) }, () => random.pick(JUNK)).join('');
        text = text.slice(0, at) + junk + text.slice(at);
        edits.push(`insert ${JSON.stringify(junk)} at ${at}`);
        break;
      }
      case 3: {
        const lines = text.split('\n');
        const a = random.int(0, lines.length - 1);
        const b = random.int(0, lines.length - 1);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        text = lines.join('\n');
        edits.push(`swap lines ${a} and ${b}`);
        break;
      }
      case 4: {
        const lineEnds = random.pick(ODD_LINE_ENDS);
        const lone = random.int(0, 3);
        text = withLineEnds(text.replace(/\r\n?/g, '\n'), lineEnds);
        // A few LFs turned into lone CRs, wherever they are (before a heading, inside a table).
        for (let k = 0; k < lone; k++) {
          const lf = text.indexOf('\n', random.int(0, text.length));
          if (lf > 0 && text[lf - 1] !== '\r') text = `${text.slice(0, lf)}\r${text.slice(lf + 1)}`;
        }
        edits.push(`line ends ${lineEnds}, ${lone} lone CRs`);
        break;
      }
      case 5: {
        const nuls = random.int(1, 3);
        for (let k = 0; k < nuls; k++) {
          const where = random.int(0, text.length);
          text = `${text.slice(0, where)}\0${text.slice(where)}`;
        }
        edits.push(`${nuls} NULs`);
        break;
      }
      case 6: {
        const pipe = randomMatch(text, /\d[ \t]*[|｜][ \t]*(?=\d)/g, random);
        if (!pipe) break;
        const bar = pipe.index + pipe[0].search(/[|｜]/);
        text = `${text.slice(0, bar)} ${text.slice(bar + 1)}`;
        edits.push(`pipe lost at ${bar}`);
        break;
      }
      case 7: {
        const figure = randomMatch(text, /\d\d/g, random);
        if (!figure) break;
        text = `${text.slice(0, figure.index + 1)} ${text.slice(figure.index + 1)}`;
        edits.push(`space inside a figure at ${figure.index + 1}`);
        break;
      }
      case 8: {
        const digit = randomMatch(text, /\d/g, random);
        if (!digit) break;
        text = `${text.slice(0, digit.index)}${random.int(0, 9)}${text.slice(digit.index + 1)}`;
        edits.push(`digit mistyped at ${digit.index}`);
        break;
      }
      default:
        text = text.slice(0, at);
        edits.push(`cut at ${at}`);
    }
  }
  return { text, edits };
}

/** A text of which nothing is known but that the checker must survive it. */
export function bareTruth(text: string, origin: string): Truth {
  return {
    text,
    layout: 'markdown',
    origin,
    arithmeticKnown: false,
    injected: [],
    arithmetic: [],
    arithmeticUndefinedIn: [],
    expected: [],
    prose: [],
    onlyWrongFigures: false,
    tables: [],
    blanks: [],
    texts: [],
  };
}

/**
 * The case of one fuzz seed: mostly generated drafts, one in six a mutated seed, one in twelve mutated page text
 * read by the scraped-text reader (the case is the draft it makes; a reader that throws fails the case).
 */
export function fuzzCase(seed: number): Truth {
  const random = new Random(seed);
  if (random.chance(1 / 6)) {
    const file = random.pick(seedFiles());
    const { text, edits } = mutateSeed(file.text, random);
    return bareTruth(text, `seed ${seed}: ${file.name} with ${edits.join('; ')}`);
  }
  if (random.chance(1 / 10)) {
    const file = random.pick(scrapedFiles());
    const { text, edits } = mutateSeed(file.text, random);
    const read = readScrapedText(text);
    const outside = read.origins.find((o) => o.start < 0 || o.end > read.text.length || o.start > o.end);
    if (outside) throw new Error(`scraped reader: origin ${JSON.stringify(outside)} outside the draft of ${read.text.length} chars`);
    return bareTruth(read.text, `seed ${seed}: scraped ${file.name} with ${edits.join('; ')}`);
  }
  return truthOf(generateDraft(seed, randomOptions(random)));
}

export interface FuzzFailure {
  seed: number;
  truth: Truth;
  violations: Violation[];
}

export interface FuzzResult {
  cases: number;
  /** Violations that match no known issue. */
  failures: FuzzFailure[];
  /** Cases per known issue id. */
  known: Record<string, number>;
  /** The case whose check took longest. */
  slowest: { seed: number; bytes: number; ms: number; origin: string };
  bytes: number;
  checkMs: number;
  ms: number;
}

export interface FuzzOptions {
  cases: number;
  firstSeed?: number;
  /** Check fix safety (each fix alone, fixAll) on one case in this many (1: every case). */
  fixesEvery?: number;
  onProgress?: (done: number, result: FuzzResult) => void;
}

export function runFuzz(options: FuzzOptions): FuzzResult {
  const started = performance.now();
  const result: FuzzResult = {
    cases: 0,
    failures: [],
    known: {},
    slowest: { seed: 0, bytes: 0, ms: -1, origin: '' },
    bytes: 0,
    checkMs: 0,
    ms: 0,
  };
  const first = options.firstSeed ?? 1;
  const fixesEvery = options.fixesEvery ?? 10;
  for (let i = 0; i < options.cases; i++) {
    const seed = first + i;
    let truth: Truth;
    try {
      truth = fuzzCase(seed);
    } catch (e) {
      // A generator fault is reported like a failure, so it cannot hide cases.
      const detail = `generator failed: ${e instanceof Error ? e.stack : String(e)}`;
      result.failures.push({ seed, truth: bareTruth('', `seed ${seed}`), violations: [{ property: 'generator', detail }] });
      continue;
    }
    const timing = { ms: 0 };
    const violations = draftViolations(truth, { fixes: i % fixesEvery === 0, timing });
    result.cases++;
    result.bytes += Buffer.byteLength(truth.text);
    result.checkMs += timing.ms;
    if (timing.ms > result.slowest.ms) result.slowest = { seed, bytes: Buffer.byteLength(truth.text), ms: timing.ms, origin: truth.origin };
    const unknown: Violation[] = [];
    const knownHere = new Set<string>();
    for (const v of violations) {
      const id = knownIssue(truth, v);
      if (id) knownHere.add(id);
      else unknown.push(v);
    }
    for (const id of knownHere) result.known[id] = (result.known[id] ?? 0) + 1;
    if (unknown.length) result.failures.push({ seed, truth, violations: unknown });
    if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1, result);
  }
  result.ms = performance.now() - started;
  return result;
}
