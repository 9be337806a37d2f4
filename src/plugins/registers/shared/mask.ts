/**
 * The one mask of the suite for personal values (PIPL): every list, export and API answer shows these,
 * never the stored value. A masked value contains `*`, which no stored identity number or phone does,
 * so an imported cell that is masked means "keep the stored value".
 */

const STAR = '*';

/** Keeps `head` leading and `tail` trailing characters and stars the rest (at least one star). */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) {
    // too short to show both ends without giving the whole value away: show the last character only
    return chars.length <= 1 ? STAR : STAR.repeat(chars.length - 1) + chars[chars.length - 1];
  }
  return chars.slice(0, head).join('') + STAR.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** Identity number: first 4 and last 4 shown, `4102**********1234`. Empty stays empty. */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  return keepEnds(value.trim(), 4, 4);
}

/** Phone: first 3 and last 4 shown, `138****5678`; a landline `0371-2345678` becomes `037*****5678`. */
export function maskPhone(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  return keepEnds(value.trim(), 3, 4);
}

/** True when the value was produced by a mask (an imported masked cell means "unchanged"). */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes(STAR);
}
