import balance from './balance';
import carryOver from './carry-over';
import cellBlank from './cell-blank';
import cellNegative from './cell-negative';
import cellNotInteger from './cell-not-integer';
import cellNotNumber from './cell-not-number';
import editionMismatch from './edition-mismatch';
import feeDisclosure from './fee-disclosure';
import inForceCount from './in-force-count';
import labelWording from './label-wording';
import narrativeMismatch from './narrative-mismatch';
import period from './period';
import resultsTotal from './results-total';
import reviewTotal from './review-total';
import rowDuplicate from './row-duplicate';
import rowMissing from './row-missing';
import rowTotal from './row-total';
import rowUnknown from './row-unknown';
import sectionDuplicate from './section-duplicate';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import sectionWording from './section-wording';
import signingDate from './signing-date';
import tableAmbiguous from './table-ambiguous';
import tableMissing from './table-missing';
import tableNotMarkdown from './table-not-markdown';
import tableShape from './table-shape';
import tableUnreadable from './table-unreadable';
import titleMissing from './title-missing';
import type { Rule } from './types';
import yearMismatch from './year-mismatch';

/** Every rule, in the order of rules.md. */
export const RULES: Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionWording,
  titleMissing,
  tableMissing,
  tableNotMarkdown,
  tableShape,
  rowMissing,
  rowUnknown,
  rowDuplicate,
  labelWording,
  cellBlank,
  cellNotNumber,
  cellNegative,
  cellNotInteger,
  rowTotal,
  resultsTotal,
  balance,
  reviewTotal,
  editionMismatch,
  period,
  yearMismatch,
  signingDate,
  feeDisclosure,
  narrativeMismatch,
  tableUnreadable,
  tableAmbiguous,
  carryOver,
  inForceCount,
];

export const RULE_IDS = RULES.map((r) => r.id);
export type { Rule } from './types';
