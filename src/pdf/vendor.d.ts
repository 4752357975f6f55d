// The few parts of pdfkit and fontkit the PDF renderer uses (neither ships types).
declare module '*.ttf' {
  /** The font file, base64 (tsup's `base64` loader). */
  const base64: string;
  export default base64;
}

declare module 'fontkit' {
  export type Font = { readonly familyName: string; hasGlyphForCodePoint(codePoint: number): boolean; layout(text: string): unknown };
  export function create(bytes: Uint8Array): Font;
}

declare module 'pdfkit' {
  import type { Font } from 'fontkit';
  type TextOptions = {
    width?: number;
    height?: number;
    align?: 'left' | 'right' | 'center' | 'justify';
    lineBreak?: boolean;
    ellipsis?: boolean | string;
    lineGap?: number;
    paragraphGap?: number;
    continued?: boolean;
  };
  type Page = { readonly width: number; readonly height: number; margins: { top: number; bottom: number; left: number; right: number } };
  export default class PDFDocument {
    constructor(options: Record<string, unknown>);
    page: Page;
    x: number;
    y: number;
    readonly outline: { addItem(title: string): unknown };
    registerFont(name: string, font: Font): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    widthOfString(text: string): number;
    heightOfString(text: string, options?: TextOptions): number;
    currentLineHeight(includeGap?: boolean): number;
    rect(x: number, y: number, w: number, h: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    addPage(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(n: number): void;
    end(): void;
  }
}

declare module 'pdfkit/output' {
  import type PDFDocument from 'pdfkit';
  export function toBytes(document: PDFDocument): Promise<Uint8Array>;
}
