/**
 * Colour, only where a person reads it: on a TTY, never with `NO_COLOR`
 * (https://no-color.org: set and not empty) or `TERM=dumb`.
 */
import type { OutputStream } from './io';

/** Whether to colour what goes to `stream`. */
export function shouldColour(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  if (stream.isTTY !== true) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}

/** A set of painters: identity functions when colour is off. */
export type Style = {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
};

// SGR codes: the four colours we use do not justify a dependency.
const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const coloured: Style = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39) };
const plain: Style = { bold: String, dim: String, red: String, green: String, yellow: String };

/** The style for a stream. */
export function styleFor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): Style {
  return shouldColour(stream, env) ? coloured : plain;
}

/** The visible width of a string: code points, without SGR sequences. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return Array.from(text.replace(/\u001b\[[0-9;]*m/g, '')).length;
}
