import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sourceKindOf } from '../core';
import { type Encoding, decode, encodingLabel } from './encoding';
import type { Io } from './io';
import type { Messages } from './messages';

/** A usage or file error: one line for the user, exit status 2. */
export class CliError extends Error {}

function reason(error: unknown, m: Messages): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ? (m.reasons[code] ? `${m.reasons[code]}${m.listSeparator}${code}` : code) : message;
}

export function kindOf(stat: fs.Stats, m: Messages): string {
  if (stat.isSocket()) return m.kinds.socket;
  if (stat.isCharacterDevice()) return m.kinds.characterDevice;
  if (stat.isBlockDevice()) return m.kinds.blockDevice;
  if (stat.isFIFO()) return m.kinds.fifo;
  return m.kinds.other;
}

/** The stat of a path the user named, or the one-line error for it. */
function statNamed(file: string, m: Messages): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (error) {
    throw new CliError((error as NodeJS.ErrnoException).code === 'ENOENT' ? m.notFound(file) : m.unreadable(file, reason(error, m)));
  }
}

/**
 * Whether a file met in a folder walk is a report file (a draft, a web page, a Word file, a PDF, or an office file to
 * list as not checked): the one place that decides which files a walk hands on, by their kind.
 */
export function isCandidate(name: string): boolean {
  return sourceKindOf(name) !== undefined;
}

/**
 * One input of a run: a file to read — named on the command line, or found in a folder walked — or a path that
 * could not be taken, with the one-line reason. Every path given ends up as at least one input.
 */
export type Input = { file: string; named: boolean; error?: undefined } | { file: string; error: string };

function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Candidates under a directory, sorted by name at every level; node_modules and dot entries skipped. Symlinks are
 * followed only to files inside the folder walked (`root`, real path), never to directories; a folder that cannot be
 * listed is an input with its error, and the walk goes on.
 */
function walk(dir: string, root: string, m: Messages, out: Input[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ file: dir, error: m.unreadable(dir, reason(error, m)) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, m, out);
    else if (isCandidate(entry.name) && (entry.isFile() || linksToFileInside(full, root))) out.push({ file: full, named: false });
  }
}

function linksToFileInside(link: string, root: string): boolean {
  try {
    return isInside(fs.realpathSync(link), root) && fs.statSync(link).isFile();
  } catch {
    return false;
  }
}

function realKey(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The inputs the paths name, in order: files as given, directories walked, each file once. A path that is missing,
 * unreadable, not a regular file or a directory, or a directory without drafts, is an input with its error: the
 * others are still read.
 */
export function collectInputs(paths: string[], m: Messages): Input[] {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let found: Input[];
    try {
      const stat = statNamed(given, m);
      if (stat.isDirectory()) {
        found = [];
        walk(given, realKey(given), m, found);
        if (found.length === 0) found.push({ file: given, error: m.noDrafts(given) });
      } else if (stat.isFile()) {
        found = [{ file: given, named: true }];
      } else {
        found = [{ file: given, error: m.notRegular(given, kindOf(stat, m)) }];
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      found = [{ file: given, error: error.message }];
    }
    for (const input of found) {
      const key = input.error === undefined ? realKey(input.file) : `${input.file}\0${input.error}`;
      if (!seen.has(key)) inputs.push(input);
      seen.add(key);
    }
  }
  return inputs;
}

/**
 * Refuses to write `output` where it is `input` itself (by file identity, whatever the path names it), or a file that
 * exists, unless forced. What is not a regular file is refused by the write.
 */
export function checkOutput(input: string, output: string, force: boolean, command: string, m: Messages): void {
  let existing: fs.Stats;
  try {
    existing = fs.statSync(output);
  } catch {
    return;
  }
  if (!existing.isFile()) return;
  const source = fs.statSync(input);
  if (existing.dev === source.dev && existing.ino === source.ino) throw new CliError(m.outputIsInput(output, command));
  if (!force) throw new CliError(m.outputExists(output));
}

/** A regular file the user named as a single input (import). */
export function namedFile(file: string, m: Messages): string {
  const stat = statNamed(file, m);
  if (stat.isDirectory()) throw new CliError(m.notAFile(file));
  if (!stat.isFile()) throw new CliError(m.notRegular(file, kindOf(stat, m)));
  return file;
}

export interface Draft {
  path: string;
  text: string;
  encoding: Encoding;
  /** False where invalid bytes were read as U+FFFD (the file cannot be written back as it was). */
  lossless: boolean;
  /** Stray NUL characters read as they are. */
  nuls: number;
  /** The bytes as read: a write checks that the file still holds them. */
  bytes: Buffer;
}

export function readBytes(file: string, m: Messages): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CliError(m.unreadable(file, reason(error, m)));
  }
}

export function readDraft(file: string, m: Messages): Draft {
  const bytes = readBytes(file, m);
  const decoded = decode(bytes);
  if (decoded.kind === 'binary') throw new CliError(m.binary(file));
  if (decoded.kind === 'utf-16-unreadable')
    throw new CliError(m.utf16Unreadable(file, encodingLabel({ name: decoded.encoding, bom: false })));
  return { path: file, text: decoded.text, encoding: decoded.encoding, lossless: decoded.lossless, nuls: decoded.nuls, bytes };
}

/** Tells on stderr what a draft was read with: invalid bytes (unless `lossy` is false: the caller says it), stray NULs. */
export function noteDraft(file: string, draft: Draft | undefined, io: Pick<Io, 'err'>, m: Messages, lossy = true): void {
  if (draft && !draft.lossless && lossy) io.err(`govreport: ${m.lossy(file, encodingLabel(draft.encoding))}\n`);
  if (draft?.nuls) io.err(`govreport: ${m.nuls(file, draft.nuls)}\n`);
}

/** The one line for a file that could not be handled: the reason, or — for a failure of govreport itself — what broke. */
export function failureMessage(file: string, error: unknown, m: Messages): string {
  return error instanceof CliError ? error.message : m.internalError(file, (error as Error)?.message ?? String(error));
}

/** Temporary files being written: removed if a signal ends the run. */
const temporaries = new Set<string>();

/**
 * Until the returned function is called, SIGINT and SIGTERM remove the temporary files being written, tell `onSignal`,
 * and end the process with the signal's status (128 + its number). The handlers run between files, never inside a
 * write: a file is replaced whole or not at all.
 */
export function cleanUpOnSignals(onSignal: (signal: NodeJS.Signals) => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    for (const temporary of temporaries) fs.rmSync(temporary, { force: true });
    onSignal(signal);
    process.exit(128 + os.constants.signals[signal]);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * Writes a fixed draft back over the file it was read from. Refused, with a message, where the file belongs to
 * another user, is read-only, or no longer holds the bytes read (someone saved it meanwhile). A file with several
 * hard links is rewritten in place (a rename would break the links); any other atomically (`writeAtomically`).
 */
export function writeBack(draft: Draft, bytes: Uint8Array, m: Messages): void {
  const file = draft.path;
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (error) {
    throw new CliError(m.writeFailed(file, reason(error, m)));
  }
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) throw new CliError(m.otherOwner(file));
  if ((stat.mode & 0o200) === 0) throw new CliError(m.readOnly(file));
  let current: Buffer;
  try {
    current = fs.readFileSync(target);
  } catch (error) {
    throw new CliError(m.unreadable(file, reason(error, m)));
  }
  if (!current.equals(draft.bytes)) throw new CliError(m.changedSinceRead(file));
  if (stat.nlink > 1) writeInPlace(file, target, bytes, m);
  else writeAtomically(file, bytes, m);
}

/** Overwrites the file itself (its inode), keeping every hard link to it. */
function writeInPlace(file: string, target: string, bytes: Uint8Array, m: Messages): void {
  try {
    const fd = fs.openSync(target, 'r+');
    try {
      fs.writeSync(fd, bytes, 0, bytes.length, 0);
      fs.ftruncateSync(fd, bytes.length);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new CliError(m.writeFailed(file, reason(error, m)));
  }
}

/**
 * Replaces a file's content atomically: a temporary file in the same directory (so the rename stays on one file
 * system), written and flushed, then renamed over the target. An existing file keeps its mode (and, for root, its
 * owner); a symlink's target is written, not the link.
 */
export function writeAtomically(file: string, bytes: Uint8Array, m: Messages): void {
  let target = file;
  let existing: fs.Stats | undefined;
  try {
    target = fs.realpathSync(file);
    existing = fs.statSync(target);
  } catch {
    // A new file.
  }
  if (existing && !existing.isFile()) {
    throw new CliError(existing.isDirectory() ? m.notAFile(file) : m.notRegular(file, kindOf(existing, m)));
  }
  // Required here, not at the top: node:crypto (and the streams it loads) would add milliseconds to every start.
  const { randomBytes }: typeof import('node:crypto') = require('node:crypto');
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  temporaries.add(temporary);
  try {
    const fd = fs.openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    try {
      fs.writeFileSync(fd, bytes);
      if (existing) {
        fs.fchmodSync(fd, existing.mode & 0o7777);
        if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) fs.fchownSync(fd, existing.uid, existing.gid);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CliError(m.writeFailed(file, reason(error, m)));
  } finally {
    temporaries.delete(temporary);
  }
}
