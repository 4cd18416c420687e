/**
 * A batch's rows, `size` to a multi-row statement: `whole(from)` for each full chunk (one prepared
 * statement serves them all), then `single(i)` for each row left over, so no batch prepares a statement
 * of its own shape.
 */
export function inChunks(count: number, size: number, whole: (from: number) => void, single: (i: number) => void): void {
  let at = 0;
  for (; at + size <= count; at += size) whole(at);
  for (; at < count; at++) single(at);
}

/** `rows` copies of `row` (e.g. '(?, ?)') for a multi-row VALUES clause. */
export const valuesOf = (row: string, rows: number): string => Array(rows).fill(row).join(', ');
