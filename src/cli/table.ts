/**
 * The aligned text tables of the command line (`evaluate`, `timeline`), fitted
 * to the terminal: every cell is escaped (`escapeControls`) before it is
 * measured, shrinkable columns give up width first, then the columns of
 * lowest priority are left out, and a note says which and where to find them.
 */
import { escapeControls } from '../format';
import type { CliIo } from './io';
import { visibleLength, type Style } from './style';

/** A column: its title, how it aligns, how important it is, and how narrow it may get. */
export type Column = {
  readonly title: string;
  readonly align?: 'left' | 'right';
  /** 0 = kept whatever the width; higher numbers are left out first. */
  readonly priority: number;
  /** Shortened with `…` down to this width before a column is left out; absent: never shortened. */
  readonly min?: number;
};

/** A cell: its text (escaped here), and how to paint it once padded. */
export type Cell = string | { readonly text: string; readonly paint: (text: string) => string };

/** The width to fit: `COLUMNS` when set, else the terminal's; none when not on a terminal. */
export function outputWidth(io: CliIo): number | undefined {
  const env = io.env.COLUMNS;
  if (env !== undefined && /^\d+$/.test(env) && Number(env) > 0) return Number(env);
  const columns = io.stdout.columns;
  return io.stdout.isTTY === true && typeof columns === 'number' && columns > 0 ? columns : undefined;
}

const GAP = 2;

/** `text` cut to `width` columns, `…` marking the cut. */
export function shorten(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return width <= 0 ? '' : `${chars.slice(0, width - 1).join('')}…`;
}

/** Words wrapped to lines of at most `width` columns (a longer word keeps its own line). */
export function wrap(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

type Layout = { readonly shown: number[]; readonly widths: Map<number, number> };

/** Which columns to show, how wide: the most important set that fits, widened back in priority order. */
function layout(columns: readonly Column[], natural: readonly number[], width: number | undefined): Layout {
  const all = columns.map((_, i) => i);
  const full = new Map(all.map((i) => [i, natural[i] ?? 0]));
  const total = (shown: readonly number[], widths: ReadonlyMap<number, number>) => shown.reduce((sum, i) => sum + (widths.get(i) ?? 0), 0) + GAP * Math.max(0, shown.length - 1);
  if (width === undefined || total(all, full) <= width) return { shown: all, widths: full };
  // Leave out the least important columns (the last listed first, on equal priority) until the rest fits at its narrowest.
  const byImportance = [...all].sort((a, b) => (columns[a]?.priority ?? 0) - (columns[b]?.priority ?? 0) || a - b);
  let kept = byImportance;
  const narrowest = (i: number) => Math.min(natural[i] ?? 0, columns[i]?.min ?? Infinity);
  while (kept.length > 1 && (columns[kept[kept.length - 1] ?? 0]?.priority ?? 0) > 0 && total(kept, new Map(kept.map((i) => [i, narrowest(i)]))) > width) kept = kept.slice(0, -1);
  const shown = all.filter((i) => kept.includes(i));
  const widths = new Map(shown.map((i) => [i, narrowest(i)]));
  // Give the room left back to the shortened columns, the most important first.
  let room = width - total(shown, widths);
  for (const i of kept) {
    if (room <= 0) break;
    const grow = Math.min(room, (natural[i] ?? 0) - (widths.get(i) ?? 0));
    if (grow > 0) {
      widths.set(i, (widths.get(i) ?? 0) + grow);
      room -= grow;
    }
  }
  return { shown, widths };
}

/**
 * Renders rows under their columns, fitted to `width` (none: every column, full width).
 * @returns The lines of the table (title row, rule, rows), and the note to print under it when columns were left out or shortened.
 */
export function renderColumns(columns: readonly Column[], rows: readonly (readonly Cell[])[], style: Style, width: number | undefined): { lines: string[]; note?: string } {
  const texts = rows.map((row) => row.map((c) => escapeControls(typeof c === 'string' ? c : c.text)));
  const titles = columns.map((c) => escapeControls(c.title));
  const natural = columns.map((_, i) => Math.max(visibleLength(titles[i] ?? ''), ...texts.map((row) => visibleLength(row[i] ?? ''))));
  const { shown, widths } = layout(columns, natural, width);
  const last = shown[shown.length - 1];
  const pad = (text: string, i: number) => {
    const w = widths.get(i) ?? 0;
    const cut = shorten(text, w);
    const fill = ' '.repeat(Math.max(0, w - visibleLength(cut)));
    return columns[i]?.align === 'right' ? fill + cut : i === last ? cut : cut + fill;
  };
  const lines = [
    style.bold(shown.map((i) => pad(titles[i] ?? '', i)).join(' '.repeat(GAP))),
    shown.map((i) => '─'.repeat(widths.get(i) ?? 0)).join(' '.repeat(GAP)),
    ...rows.map((row, r) =>
      shown
        .map((i) => {
          const c = row[i];
          const padded = pad(texts[r]?.[i] ?? '', i);
          return c !== undefined && typeof c !== 'string' ? c.paint(padded) : padded;
        })
        .join(' '.repeat(GAP)),
    ),
  ];
  const hidden = columns.filter((_, i) => !shown.includes(i)).map((c) => c.title);
  const cut = shown.filter((i) => (widths.get(i) ?? 0) < (natural[i] ?? 0)).map((i) => columns[i]?.title ?? '');
  if (hidden.length === 0 && cut.length === 0) return { lines };
  const parts = [...(hidden.length > 0 ? [`Left out: ${hidden.join(', ')}.`] : []), ...(cut.length > 0 ? [`Shortened (…): ${cut.join(', ')}.`] : []), 'Every field: --format json|csv.'];
  return { lines, note: wrap(parts.join(' '), width) };
}

/** The lines of {@link renderColumns}, and its note (dimmed) under them after a blank line. */
export function tableLines(columns: readonly Column[], rows: readonly (readonly Cell[])[], style: Style, width: number | undefined): string[] {
  const { lines, note } = renderColumns(columns, rows, style, width);
  return note === undefined ? lines : [...lines, '', style.dim(note)];
}
