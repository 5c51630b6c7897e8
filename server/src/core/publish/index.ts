import type { Report } from '../model';
import { publishedDocument } from './document';

export { type Block, type PublishedDocument, publishedDocument } from './document';
export {
  FONTS,
  FindingMarks,
  type ReportHtmlOptions,
  TABLE_CSS,
  escapeHtml,
  renderReportBody,
  renderReportHtml,
  renderTableHtml,
} from './html';
export { type GridCell, type GridCellKind, type PublishedTable, headerLayout, tableLayout } from './layout';
export { type GovreportTablesOptions, govreportTables } from './markdown-it';
export { type HandledGroup, type RequestFigures, requestFigures } from './requests';

/**
 * The report as a Word file (.docx bytes). The Word writer is a bundle of its own (dist/publish/docx.js), loaded the
 * first time a report is exported: the server and the other commands start without it.
 */
export async function renderReportDocx(report: Report): Promise<Uint8Array> {
  const { renderDocx } = await import('./docx');
  return renderDocx(publishedDocument(report));
}
