import { say } from '../shared/i18n';
import { EDITION_CHOICES, type Locale, type Severity } from '../shared/settings';

/** The --edition line of the help, its choices from the standard, aligned with the other options. */
const EDITION_OPTION = `--edition ${EDITION_CHOICES.join('|')}`.padEnd(26);

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

const zh = {
  help: (version: string) => `govreport ${version} — 政府信息公开工作年度报告检查工具

用法：
  govreport check [选项] 路径…      检查报告（.md、.txt 草稿，.html/.htm/.shtml 网页，.docx Word 文件；或目录中的全部）
  govreport fix [--dry-run] 路径…   应用全部安全修复并写回原文件（保持原编码；只改文本草稿）
  govreport import 输入 [-o 输出] [--force]
                                   把粘贴、抓取的报告或网页、Word 文件转换为规范草稿
  govreport import 输入… -d 目录 [--force]
                                   批量转换，每个输入写为 目录/名称.report.md
  govreport export [--format docx|html] 输入 [-o 输出] [--force]
                                   导出为发布用的 Word 文件或网页（默认 Word，输出在输入旁边）
  govreport extract [--format csv|json] 路径…
                                   输出全部标准表格的每个数字（每格一行：文件、机关、年度、版本、表、行、列、值）

路径可以是文件、目录、glob（如 'reports/**/*.md'，由 govreport 自己展开）或 -（标准输入）。
配置文件 .govreport.json / .govreport.jsonc 从每个文件所在目录向上查找（最近的生效）；
目录和 glob 找到的文件按 .govreportignore（工作目录）和配置的 ignores 排除。

选项：
  --format text|json|sarif|summary|csv|junit|github|html
                             check 的输出格式（默认 text）
  --format csv|json          extract 的输出格式（默认 csv）
  --config 文件               check、fix、extract：用该配置文件，不再向上查找
  --rule 规则ID=严重程度       check、fix：设置规则的严重程度（error|warning|info|off），可重复，优先于配置文件
  --format docx|html         export 的输出格式（默认 docx；-o 以 .html 结尾时为 html）
  --locale zh-CN|en          消息语言（默认 zh-CN）
  ${EDITION_OPTION} 报告格式版本（默认 auto：按报告年度判断）
  --year YYYY                报告年度（默认从标题或统计期限读取）
  --dry-run                  fix：只输出差异（unified diff），不写文件
  -o, --output 文件           import：写入该文件（默认输出到标准输出）；export：写入该文件
  -d, --out-dir 目录          import：把每个输入的草稿写入该目录
  --force                    import、export：覆盖已存在的输出文件（从不覆盖输入文件）
  -h, --help                 显示本帮助
  --version                  显示版本号

退出码：0 没有错误级问题；1 有错误级问题；2 用法错误，或有文件无法检查、修复或写入（其余文件照常处理）。
`,
  missingCommand: () => '缺少命令（check、fix、import、export 或 extract）；运行 govreport --help 查看用法',
  unknownCommand: (command: string) => `未知命令“${command}”（可用：check、fix、import、export、extract）`,
  unknownOption: (option: string, command: string) => `${command} 不支持选项 ${option}；运行 govreport --help 查看用法`,
  badOption: (detail: string) => `选项错误：${detail}`,
  badValue: (option: string, value: string, allowed: string) => `${option} 的值“${value}”无效（应为 ${allowed}）`,
  ruleValues: '规则ID=严重程度',
  badConfig: (file: string, problem: string) => `${file}：配置文件无效——${problem}`,
  noMatch: (pattern: string) => `${pattern}：没有匹配的文件`,
  skipped: (count: number) => `按 .govreportignore 和配置文件的 ignores 跳过 ${count} 个文件`,
  missingValue: (option: string) => `选项 ${option} 缺少值`,
  yearValues: '1990–2100 之间的四位年份',
  missingPaths: (command: string) => `${command} 需要至少一个文件或目录`,
  importArguments: () => 'import 需要一个输入文件（-o 输出）；多个输入请用 -d 目录',
  notFound: (path: string) => `${path}：文件或目录不存在`,
  notRegular: (path: string, kind: string) => `${path}：是${kind}，不是普通文件`,
  kinds: { socket: '套接字', characterDevice: '字符设备', blockDevice: '块设备', fifo: '命名管道', other: '特殊文件' },
  noDrafts: (path: string) => `${path}：目录中没有报告文件（.md、.txt、.html、.docx、.pdf）`,
  notChecked: (path: string, reason: string) => `${path}：未检查——${reason}`,
  notText: (path: string) => `${path}：不是文本草稿，fix 不改写网页、Word、PDF 文件或网页抓取的正文；请先用 govreport import 转换为草稿`,
  place: {
    page: (page: number) => `第${page}页`,
    cell: (table: number, row?: number, cell?: number) => `表${table}${row ? ` 第${row}行` : ''}${cell ? `第${cell}格` : ''}`,
    paragraph: (paragraph: number) => `第${paragraph}段`,
  },
  importSource: (file: string) => `<!-- 导入自 ${file}（govreport import） -->`,
  importedSource: (input: string, output: string, sections: number, tables: number) =>
    `${input} → ${output}：读取章节 ${sections} 个，表格 ${tables} 个`,
  unreadable: (path: string, reason: string) => `${path}：无法读取（${reason}）`,
  listSeparator: '，',
  reasons: {
    ENOENT: '文件不存在',
    EACCES: '没有权限',
    EPERM: '操作不被允许',
    EIO: '输入输出错误',
    EISDIR: '是目录',
    ENOSPC: '磁盘空间不足',
    EROFS: '只读文件系统',
  } as Record<string, string>,
  notAFile: (path: string) => `${path}：是目录，不是文件`,
  binary: (path: string) => `${path}：是二进制文件，不是文本草稿`,
  lossy: (path: string, encoding: string) => `${path}：含有不是有效 ${encoding} 的字节，已按替换字符读取`,
  notEncodable: (path: string, encoding: string) => `${path}：修复后的文本无法按原编码（${encoding}）无损写回，已跳过，未写入`,
  lossyNotFixed: (path: string, encoding: string) => `${path}：文件含有无效的 ${encoding} 字节，无法无损写回，已跳过，未写入`,
  writeFailed: (path: string, reason: string) => `${path}：写入失败（${reason}）`,
  internalError: (path: string, detail: string) => `${path}：检查时 govreport 出错（${detail}），请报告此问题`,
  nuls: (path: string, count: number) => `${path}：含有 ${count} 个空字节（NUL），已照原样读取`,
  utf16Unreadable: (path: string, encoding: string) => `${path}：看似没有字节顺序标记的 ${encoding} 文本，但不是有效的 UTF-16，无法读取`,
  notAReport: (path: string) => `${path}：不像政府信息公开工作年度报告（没有报告标题，标准部分少于三个），未修改`,
  notAReportUnchecked: (path: string) => `${path}：不像政府信息公开工作年度报告（没有报告标题，标准部分少于三个），未检查`,
  changedSinceRead: (path: string) => `${path}：读取后文件已被修改，未写入（请重新运行）`,
  readOnly: (path: string) => `${path}：文件为只读，未写入`,
  otherOwner: (path: string) => `${path}：文件属于其他用户，未写入`,
  interrupted: (signal: string) => `已中断（${signal}），没有留下写了一半的文件`,
  severity: { error: '错误', warning: '警告', info: '提示' } satisfies Record<Severity, string>,
  failedLabel: '无法检查',
  problems: (c: Counts, files: number) =>
    `✖ ${c.error + c.warning + c.info} 个问题（${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示），共检查 ${files} 个文件`,
  noProblems: (files: number) => `✔ 共检查 ${files} 个文件，没有发现问题`,
  unchecked: (failed: number) => `${failed} 个文件无法检查`,
  onlyUnchecked: (failed: number, files: number) => `✖ ${failed} 个文件无法检查（共 ${files} 个文件），其余没有发现问题`,
  notReports: (count: number) => `目录中另有 ${count} 个文件不像年度报告，未检查（见标准错误输出）`,
  summarySeparator: '；',
  progress: (done: number, total: number) => `检查中 ${done}/${total}`,
  reading: (done: number, total: number) => `读取中 ${done}/${total}（查找同一机关上一年度的报告）`,
  timeLeft: (time: string) => `剩余约 ${time}`,
  fixed: (path: string, count: number, rules: string) => `${path}：已修复 ${count} 处（${rules}）`,
  wouldFix: (path: string, count: number, rules: string) => `${path}：可修复 ${count} 处（${rules}）`,
  remaining: (c: Counts) => `  仍有 ${c.error} 个错误、${c.warning} 个警告、${c.info} 个提示（运行 govreport check 查看）`,
  fixSummary: (files: number, fixes: number, total: number) => `已修复 ${files} 个文件中的 ${fixes} 处问题（共 ${total} 个文件）`,
  notHandled: (failed: number) => `${failed} 个文件未能处理（原因见上）`,
  dryRunSummary: (files: number, fixes: number, total: number) =>
    `预演：可修复 ${files} 个文件中的 ${fixes} 处问题（共 ${total} 个文件），未写入任何文件`,
  imported: (input: string, output: string, title: boolean, headings: number, tables: number) =>
    `${input} → ${output}：${title ? '标题已标记，' : ''}标记章节标题 ${headings} 个，转换表格 ${tables} 个`,
  stdout: '标准输出',
  importChanged: (input: string, rules: string) => `${input}：转换会改变算术检查结果（${rules}），未写入；请报告此问题`,
  exportArguments: () => 'export 需要且只接受一个输入文件',
  outputIsInput: (path: string, command: string) => `${path}：输出文件就是输入文件，${command} 不会覆盖原文`,
  outputExists: (path: string) => `${path}：输出文件已存在；如需覆盖，请加 --force`,
  exported: (input: string, output: string, tables: number) => `${input} → ${output}：已导出（标准表格 ${tables} 个）`,
  exportedWithErrors: (errors: number) => `注意：报告仍有 ${errors} 个错误，发布前请运行 govreport check 查看并改正`,
};

export type Messages = typeof zh;

const en: Messages = {
  help: (version: string) => `govreport ${version} — checker for government information-disclosure annual reports

Usage:
  govreport check [options] PATH…     check reports (.md/.txt drafts, .html/.htm/.shtml pages, .docx Word files; or all in a directory)
  govreport fix [--dry-run] PATH…     apply every safe fix and write the files back (in their encoding; text drafts only)
  govreport import INPUT [-o OUT] [--force]
                                      turn a pasted or scraped report, a web page or a Word file into a canonical draft
  govreport import INPUT… -d DIR [--force]
                                      the same for several inputs, each written as DIR/NAME.report.md
  govreport export [--format docx|html] INPUT [-o OUT] [--force]
                                      the Word file or web page to publish (default Word, beside the input)
  govreport extract [--format csv|json] PATH…
                                      every figure of every standard table (a row per cell: file, agency, year,
                                      edition, table, row, column, value)

A PATH is a file, a directory, a glob ('reports/**/*.md', expanded by govreport itself) or - (standard input).
A .govreport.json / .govreport.jsonc is looked for from each file's folder upward (the nearest applies); files
that directories and globs find are left out by .govreportignore (working folder) and the configuration's ignores.

Options:
  --format text|json|sarif|summary|csv|junit|github|html
                             output format of check (default text)
  --format csv|json          output format of extract (default csv)
  --config FILE              check, fix, extract: use FILE instead of looking for a configuration
  --rule RULE-ID=SEVERITY    check, fix: a rule's severity (error|warning|info|off), repeatable, over the configuration
  --format docx|html         output format of export (default docx; html when -o ends in .html)
  --locale zh-CN|en          language of messages (default zh-CN)
  ${EDITION_OPTION} edition of the format (default auto: from the report year)
  --year YYYY                report year (default: from the title or the statistics period)
  --dry-run                  fix: print a unified diff, write nothing
  -o, --output FILE          import: write to FILE (default: standard output); export: write to FILE
  -d, --out-dir DIR          import: write each input's draft into DIR
  --force                    import, export: overwrite an existing output file (never the input)
  -h, --help                 show this help
  --version                  show the version

Exit status: 0 no error-severity finding; 1 some; 2 usage error, or a file that could not be checked, fixed or
written (the others are still done).
`,
  missingCommand: () => 'missing command (check, fix, import, export or extract); see govreport --help',
  unknownCommand: (command: string) => `unknown command "${command}" (expected check, fix, import, export or extract)`,
  unknownOption: (option: string, command: string) => `${command} has no option ${option}; see govreport --help`,
  badOption: (detail: string) => `bad option: ${detail}`,
  badValue: (option: string, value: string, allowed: string) => `invalid value "${value}" for ${option} (expected ${allowed})`,
  ruleValues: 'RULE-ID=SEVERITY',
  badConfig: (file: string, problem: string) => `${file}: invalid configuration file — ${problem}`,
  noMatch: (pattern: string) => `${pattern}: no file matches`,
  skipped: (count: number) => `${plural(count, 'file')} left out by .govreportignore and the configuration's ignores`,
  missingValue: (option: string) => `option ${option} needs a value`,
  yearValues: 'a year, 1990–2100',
  missingPaths: (command: string) => `${command} needs at least one file or directory`,
  importArguments: () => 'import takes one input file (with -o OUT); for several inputs use -d DIR',
  notFound: (path: string) => `${path}: no such file or directory`,
  notRegular: (path: string, kind: string) => `${path}: is a ${kind}, not a regular file`,
  kinds: { socket: 'socket', characterDevice: 'character device', blockDevice: 'block device', fifo: 'named pipe', other: 'special file' },
  noDrafts: (path: string) => `${path}: directory holds no report file (.md, .txt, .html, .docx, .pdf)`,
  notChecked: (path: string, reason: string) => `${path}: not checked — ${reason}`,
  notText: (path: string) =>
    `${path}: not a text draft; fix does not rewrite web pages, Word files, PDFs or scraped page text: convert it first with govreport import`,
  place: {
    page: (page: number) => `page ${page}`,
    cell: (table: number, row?: number, cell?: number) => `table ${table}${row ? ` row ${row}` : ''}${cell ? ` cell ${cell}` : ''}`,
    paragraph: (paragraph: number) => `paragraph ${paragraph}`,
  },
  importSource: (file: string) => `<!-- imported from ${file} (govreport import) -->`,
  importedSource: (input: string, output: string, sections: number, tables: number) =>
    `${input} → ${output}: read ${plural(sections, 'section')}, ${plural(tables, 'table')}`,
  unreadable: (path: string, reason: string) => `${path}: cannot be read (${reason})`,
  listSeparator: ', ',
  reasons: {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EIO: 'input/output error',
    EISDIR: 'is a directory',
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
  },
  notAFile: (path: string) => `${path}: is a directory, not a file`,
  binary: (path: string) => `${path}: is a binary file, not a text draft`,
  lossy: (path: string, encoding: string) => `${path}: holds bytes that are not valid ${encoding}; read them as replacement characters`,
  notEncodable: (path: string, encoding: string) =>
    `${path}: the fixed text cannot be written back losslessly in ${encoding}; skipped, nothing written`,
  lossyNotFixed: (path: string, encoding: string) =>
    `${path}: holds invalid ${encoding} bytes and cannot be written back losslessly; skipped, nothing written`,
  writeFailed: (path: string, reason: string) => `${path}: write failed (${reason})`,
  internalError: (path: string, detail: string) => `${path}: govreport failed on it (${detail}); please report this`,
  nuls: (path: string, count: number) => `${path}: holds ${plural(count, 'NUL byte')}; read as they are`,
  utf16Unreadable: (path: string, encoding: string) =>
    `${path}: looks like ${encoding} text without a byte order mark, but is not valid UTF-16; not read`,
  notAReport: (path: string) =>
    `${path}: does not look like an annual report (no report title, fewer than three standard sections); left alone`,
  notAReportUnchecked: (path: string) =>
    `${path}: does not look like an annual report (no report title, fewer than three standard sections); not checked`,
  changedSinceRead: (path: string) => `${path}: changed on disk since it was read; not written (run again)`,
  readOnly: (path: string) => `${path}: is read-only; not written`,
  otherOwner: (path: string) => `${path}: belongs to another user; not written`,
  interrupted: (signal: string) => `interrupted (${signal}); no half-written file left behind`,
  severity: { error: 'error', warning: 'warning', info: 'info' },
  failedLabel: 'not checked',
  problems: (c: Counts, files: number) =>
    `✖ ${plural(c.error + c.warning + c.info, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info', 'info')}) in ${plural(files, 'file')}`,
  noProblems: (files: number) => `✔ ${plural(files, 'file')} checked, no problems`,
  unchecked: (failed: number) => `${plural(failed, 'file')} could not be checked`,
  onlyUnchecked: (failed: number, files: number) =>
    `✖ ${plural(failed, 'file')} could not be checked (of ${files}); no problems in the others`,
  notReports: (count: number) =>
    `${plural(count, 'other file')} found in the folders did not look like a report and were not checked (named on stderr)`,
  summarySeparator: '; ',
  progress: (done: number, total: number) => `checking ${done}/${total}`,
  reading: (done: number, total: number) => `reading ${done}/${total} (looking for each agency’s previous year)`,
  timeLeft: (time: string) => `about ${time} left`,
  fixed: (path: string, count: number, rules: string) => `${path}: fixed ${plural(count, 'problem')} (${rules})`,
  wouldFix: (path: string, count: number, rules: string) => `${path}: would fix ${plural(count, 'problem')} (${rules})`,
  remaining: (c: Counts) =>
    `  ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info', 'info')} left (see govreport check)`,
  fixSummary: (files: number, fixes: number, total: number) =>
    `fixed ${plural(fixes, 'problem')} in ${plural(files, 'file')} (of ${total})`,
  notHandled: (failed: number) => `${plural(failed, 'file')} could not be handled (see above)`,
  dryRunSummary: (files: number, fixes: number, total: number) =>
    `dry run: would fix ${plural(fixes, 'problem')} in ${plural(files, 'file')} (of ${total}); nothing written`,
  imported: (input: string, output: string, title: boolean, headings: number, tables: number) =>
    `${input} → ${output}: ${title ? 'title marked, ' : ''}${plural(headings, 'section heading')} marked, ${plural(tables, 'table')} converted`,
  stdout: 'standard output',
  importChanged: (input: string, rules: string) =>
    `${input}: the conversion would change the arithmetic findings (${rules}); nothing written — please report this`,
  exportArguments: () => 'export takes exactly one input file',
  outputIsInput: (path: string, command: string) => `${path}: the output is the input file; ${command} never overwrites the original`,
  outputExists: (path: string) => `${path}: the output file exists; add --force to overwrite it`,
  exported: (input: string, output: string, tables: number) => `${input} → ${output}: exported (${plural(tables, 'standard table')})`,
  exportedWithErrors: (errors: number) =>
    `note: the report still has ${plural(errors, 'error')}; run govreport check and correct them before publishing`,
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function messagesFor(locale: Locale): Messages {
  return say(locale, zh, en);
}
