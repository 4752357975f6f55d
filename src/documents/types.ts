import type { IsoDate } from '../dates/isoDate';

/**
 * The document model shared by the program overview and the partner
 * statement: plain data, rendered to Markdown, HTML and PDF by separate
 * renderers so that the formats cannot disagree. Every string is plain text
 * (no markup): each renderer escapes it for its format.
 */

/** A column of a {@link DocumentTable}: its header text and how its cells align. */
export type DocumentColumn = { readonly header: string; readonly align: 'left' | 'right' };

/** A table with one header row; long tables break across pages repeating it. */
export type DocumentTable = {
  readonly kind: 'table';
  /** A short sentence saying what the table holds (HTML `<caption>`, PDF alt text). */
  readonly caption: string;
  readonly columns: readonly DocumentColumn[];
  /** One array of cell texts per row, as many as there are columns. */
  readonly rows: readonly (readonly string[])[];
};

/** A paragraph of plain text. */
export type DocumentParagraph = { readonly kind: 'paragraph'; readonly text: string };

/** A bulleted (`ordered: false`) or numbered list of plain-text items. */
export type DocumentList = { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] };

/** A quotation of the program text. */
export type DocumentQuote = { readonly kind: 'quote'; readonly text: string };

/** One block of a section. */
export type DocumentBlock = DocumentParagraph | DocumentList | DocumentTable | DocumentQuote;

/** A section: a heading, its blocks, then its subsections (one level deep). */
export type DocumentSection = {
  /** A stable, kebab-case id (HTML anchors, tests). */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly DocumentBlock[];
  readonly subsections: readonly DocumentSection[];
};

/** What the document is about, for the PDF's metadata and the HTML `<head>`. */
export type DocumentMetadata = {
  /** The document title (PDF `Title`). */
  readonly title: string;
  /** What it is, in a sentence (PDF `Subject`). */
  readonly subject: string;
  /** The as-of date: the statement date, and the creation date of the PDF. */
  readonly date: IsoDate;
  readonly language: 'en';
  readonly program: { readonly id: string; readonly name: string; readonly version: string; readonly effectiveFrom: IsoDate; readonly currency: string };
  /** The partner, on a statement. */
  readonly partner?: { readonly id: string; readonly name?: string };
};

/** A document: what `programOverview` and `partnerStatement` return, and every renderer takes. */
export type DocumentModel = {
  readonly kind: 'program-overview' | 'partner-statement';
  readonly title: string;
  /** One line under the title (the program version and date, or the partner and date). */
  readonly subtitle: string;
  readonly metadata: DocumentMetadata;
  readonly sections: readonly DocumentSection[];
};
