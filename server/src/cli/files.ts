import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceKindOf } from '../core';
import { type Encoding, decode } from './encoding';
import type { Messages } from './messages';

/** A usage or file error: one line for the user, exit status 2. */
export class CliError extends Error {}

function reason(error: unknown, m: Messages): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ? (m.reasons[code] ? `${m.reasons[code]}${m.listSeparator}${code}` : code) : message;
}

function kindOf(stat: fs.Stats, m: Messages): string {
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

/** Report files under a directory (drafts, web pages, Word files, PDFs, and office files to list as not checked), sorted by name at every level; node_modules, dot entries and symlinked directories skipped. */
function walk(dir: string, m: Messages, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new CliError(m.unreadable(dir, reason(error, m)));
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, m, out);
    else if (sourceKindOf(entry.name) !== undefined && isRegularFile(entry, full)) out.push(full);
  }
}

function isRegularFile(entry: fs.Dirent, full: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false;
  }
}

/**
 * The draft files the paths name: files as given, directories walked. Throws a CliError for the first path that
 * is missing, unreadable, not a regular file or a directory, or a directory without drafts — before any work.
 */
export function collectDrafts(paths: string[], m: Messages): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const stat = statNamed(given, m);
    let found: string[];
    if (stat.isDirectory()) {
      found = [];
      walk(given, m, found);
      if (found.length === 0) throw new CliError(m.noDrafts(given));
    } else if (stat.isFile()) {
      found = [given];
    } else {
      throw new CliError(m.notRegular(given, kindOf(stat, m)));
    }
    for (const file of found) {
      const key = path.resolve(file);
      if (!seen.has(key)) files.push(file);
      seen.add(key);
    }
  }
  return files;
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
  return { path: file, text: decoded.text, encoding: decoded.encoding, lossless: decoded.lossless };
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
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
  }
}
