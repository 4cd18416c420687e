import { describe, expect, it } from 'vitest';
import { labelWidthPx, placeLaneItems } from './lane-layout.js';

describe('lane layout', () => {
  it('stacks labels that would overlap into rows instead of drawing them over each other', () => {
    // An alert and a marker 2% apart on a 1000 px track: the second label would start inside the first.
    const placed = placeLaneItems(
      [
        { left: 10, right: 10, label: '在线人数 ↓20% / 120s' },
        { left: 12, right: 12, label: '福利 抽奖' },
        { left: 60, right: 60, label: '标记' },
      ],
      1000,
    );
    expect(placed).toEqual([
      { row: 0, showLabel: true },
      { row: 1, showLabel: true },
      { row: 0, showLabel: true },
    ]);
  });

  it('keeps at most three rows; what cannot fit keeps its mark without a label', () => {
    const crowd = [0, 1, 2, 3].map((i) => ({ left: i * 0.5, right: i * 0.5, label: '告警告警告警' }));
    expect(placeLaneItems(crowd, 1000).map((p) => p.row)).toEqual([0, 1, 2, 2]);
    expect(placeLaneItems(crowd, 1000)[3]?.showLabel).toBe(false);
    expect(labelWidthPx('标记')).toBeGreaterThan(labelWidthPx('ab'));
  });
});
