import { namedReport, type ParseOptions, parseOptions, parseReport, type Report, reportIdentity, sameAgency } from '../core';
import { readSettings } from '../shared/settings';
import type { RunSettings } from './config';
import { CliError } from './files';
import { readInput } from './inputs';
import type { Messages } from './messages';

export interface CompanionEntry {
  file: string;
  agency: string;
  year: number;
}
type Entry = CompanionEntry;

/** How many reports read for comparison are kept in memory (a batch sorted by agency reuses them). */
const KEPT = 16;

/**
 * The other reports each file of a run is checked with, for the checks across reports. A first pass notes every
 * file's agency and year (nothing else is kept); a file is then given the reports of the same agency for the year
 * before, read again when needed, so a batch of thousands never holds more than a few reports at once.
 */
export class Companions {
  private readonly entries = new Map<string, Entry>();
  private readonly byYear = new Map<number, Entry[]>();
  private readonly kept = new Map<string, Report>();
  private readonly names = new Map<string, Report>();

  private constructor(
    private readonly settings: RunSettings,
    private readonly m: Messages,
  ) {}

  static async index(
    files: readonly string[],
    settings: RunSettings,
    m: Messages,
    onFile?: (i: number, file: string) => void,
  ): Promise<Companions> {
    const companions = new Companions(settings, m);
    if (files.length < 2) return companions;
    for (const [i, file] of files.entries()) {
      onFile?.(i, file);
      const { agency, year } = (await companions.identify(file)) ?? {};
      if (agency !== undefined && year !== undefined) companions.add({ file, agency, year });
    }
    return companions;
  }

  /** The companions of a run noted by another thread (`entryList`), for a worker that checks part of the run. */
  static fromEntries(entries: readonly CompanionEntry[], settings: RunSettings, m: Messages): Companions {
    const companions = new Companions(settings, m);
    for (const entry of entries) companions.add(entry);
    return companions;
  }

  entryList(): CompanionEntry[] {
    return [...this.entries.values()];
  }

  private add(entry: Entry): void {
    this.entries.set(entry.file, entry);
    const sameYear = this.byYear.get(entry.year);
    if (sameYear) sameYear.push(entry);
    else this.byYear.set(entry.year, [entry]);
  }

  /**
   * The reports of the run that the report of `file` may be compared with: the same agency's for the year before (the
   * rules compare only where there is exactly one, and say so where there are several).
   */
  async of(file: string): Promise<Report[]> {
    const self = this.entries.get(file);
    if (!self) return [];
    const candidates = (this.byYear.get(self.year - 1) ?? []).filter((entry) => sameAgency(entry.agency, self.agency));
    // Several candidates are only named (the rules compare with none of them): no need to read them again.
    if (candidates.length > 1) return candidates.map((entry) => this.named(entry));
    const reports: Report[] = [];
    for (const entry of candidates) {
      let other = this.kept.get(entry.file);
      if (!other) {
        other = await this.read(entry.file);
        if (!other) continue;
        if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value!);
        this.kept.set(entry.file, other);
      }
      reports.push(other);
    }
    return reports;
  }

  /** A report known by its file, agency and year only, made once per file. */
  private named(entry: Entry): Report {
    let report = this.names.get(entry.file);
    if (!report) this.names.set(entry.file, (report = namedReport(entry.file, entry.agency, entry.year)));
    return report;
  }

  /** A file's report as its checks will see it; undefined for a file that cannot be read (reported when it is checked). */
  private async read(file: string): Promise<Report | undefined> {
    return this.reading(file, (text, options) => Object.assign(parseReport(text, options), { source: file }));
  }

  /** A file's agency and year, read from its title and period alone (the first pass reads no tables). */
  private async identify(file: string): Promise<{ agency?: string; year?: number } | undefined> {
    return this.reading(file, reportIdentity);
  }

  private async reading<T>(file: string, parse: (text: string, options: ParseOptions) => T): Promise<T | undefined> {
    try {
      const { settings } = readSettings(this.settings.settingsFor(file));
      const source = await readInput(file, settings.locale, this.m);
      return parse(source.text, parseOptions(settings));
    } catch (error) {
      if (error instanceof CliError) return undefined;
      throw error;
    }
  }
}
