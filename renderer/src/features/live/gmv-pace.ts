/** How the show's GMV stands against the controller's target, and against the plan's clock. */
export interface GmvPace {
  /** 0..1+ of the target reached. */
  share: number;
  /** What the target asks for by now, if the show has a planned length; null without one. */
  expectedFen: number | null;
  /** GMV minus what was expected by now (positive: ahead of pace). */
  aheadFen: number | null;
}

/** Pace assumes GMV accrues evenly over the planned show: at half the planned time, half the target. */
export function gmvPace(targetFen: number, gmvFen: number, elapsedMs: number | null, plannedMs: number | null): GmvPace {
  const share = targetFen > 0 ? gmvFen / targetFen : 0;
  if (elapsedMs === null || !plannedMs || plannedMs <= 0) return { share, expectedFen: null, aheadFen: null };
  const expectedFen = Math.round(targetFen * Math.min(1, Math.max(0, elapsedMs / plannedMs)));
  return { share, expectedFen, aheadFen: gmvFen - expectedFen };
}
