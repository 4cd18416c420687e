/** Where each lane item goes: a row of its lane, and whether its label fits beside it. */
export interface LanePlacement {
  row: number;
  showLabel: boolean;
}

const MAX_ROWS = 3;

/** Rough width of a label in pixels at the lanes' 11 px font: CJK characters are square, others about half. */
export function labelWidthPx(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6.5;
  return w + 10;
}

/**
 * Stacks a lane's items so no two labels overlap: each goes to the first row where it starts after
 * the previous item there ends (its span, or its tick and label). With every row taken, the item
 * still shows as a mark on the last row and keeps its text in its tooltip.
 */
export function placeLaneItems(items: readonly { left: number; right: number; label: string }[], trackPx: number): LanePlacement[] {
  const px = Math.max(1, trackPx) / 100;
  const rowEnds: number[] = [];
  const order = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.left - b.item.left);
  const out: LanePlacement[] = new Array<LanePlacement>(items.length);
  for (const { item, i } of order) {
    const start = item.left * px;
    const end = Math.max(item.right * px, start + labelWidthPx(item.label));
    let row = rowEnds.findIndex((e) => e + 4 <= start);
    if (row < 0 && rowEnds.length < MAX_ROWS) row = rowEnds.length;
    if (row < 0) {
      out[i] = { row: MAX_ROWS - 1, showLabel: false };
      continue;
    }
    rowEnds[row] = end;
    out[i] = { row, showLabel: true };
  }
  return out;
}
