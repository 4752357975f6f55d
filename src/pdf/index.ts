/**
 * `@exponential/partner-program/pdf`: the PDF renderer of the document
 * models (`programOverview`, `partnerStatement`), with pdfkit and the
 * DejaVu Sans Condensed font bundled into this entry. It runs in Node and in
 * browsers; load it only when a PDF is asked for (it weighs what the font does).
 * @packageDocumentation
 */
export { renderPdf, type PdfPaper, type PdfWarning, type RenderPdfOptions } from './renderPdf';
export { PDF_FALLBACK_CHARACTER } from './fallback';
export { FONT_FAMILY } from './fonts';
export type { DocumentModel, DocumentSection, DocumentBlock, DocumentTable, DocumentColumn, DocumentParagraph, DocumentList, DocumentQuote, DocumentMetadata } from '../documents/types';
