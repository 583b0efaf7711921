/**
 * A report as both renderers draw it: the .xlsx (one sheet per section) and the printable PDF are
 * made from this one document, itself made from one report model, so that the two cannot differ.
 */
export type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  /** Relative width: characters in the sheet, a share of the line in the PDF. */
  width: number;
  /** Excel number format of a numeric column (e.g. '0.0' for a score). */
  numFmt?: string;
}

export interface ReportSection {
  /** Also the sheet's name (at most 31 characters there). */
  title: string;
  /** Paragraphs above the table: what the figures mean, how they are counted. */
  notes: string[];
  columns: ReportColumn[];
  rows: Cell[][];
}

export interface ReportDocument {
  title: string;
  /** Period, who it is for, when it was made. */
  subtitle: string;
  sections: ReportSection[];
}

export const cellText = (c: Cell): string => (c === null ? '—' : typeof c === 'number' ? String(c) : c);
