/**
 * 平均在线 (kpi.md): the mean of per-minute online values. Minute k of a show is
 * [origin + k·60 s, origin + (k+1)·60 s) — minutes count from the show's start, not the wall clock —
 * and its value is its last reading; a minute without a reading carries the previous value forward.
 * The minutes counted run from the first reading's to the latest reading's. The live desk feeds it
 * every reading, the review one reading per minute (each minute's last): both get the same value.
 */
export class OnlineAverage {
  private minute: number | null = null;
  private closedSum = 0;
  private closed = 0;
  private current: number | null = null;
  private currentTs: number | null = null;

  constructor(readonly origin: number) {}

  add(ts: number, online: number): void {
    const minute = Math.floor((ts - this.origin) / 60_000);
    if (this.minute === null) this.minute = minute;
    else if (minute > this.minute && this.current !== null) {
      this.closedSum += this.current * (minute - this.minute);
      this.closed += minute - this.minute;
      this.minute = minute;
    }
    // A late reading (an earlier time) neither moves the gauge nor reopens a closed minute.
    if (this.currentTs === null || ts >= this.currentTs) {
      this.current = online;
      this.currentTs = ts;
    }
  }

  get value(): number | null {
    if (this.current === null) return null;
    return (this.closedSum + this.current) / (this.closed + 1);
  }

  /** A copy that moves on independently (the live tracker stages batches on copies). */
  clone(): OnlineAverage {
    return Object.assign(new OnlineAverage(this.origin), this);
  }
}
