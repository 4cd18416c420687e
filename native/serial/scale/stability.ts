/**
 * Derives stability for protocols without a flag: a weight is stable once the last `count` readings
 * agree within `toleranceGrams`. Overload or invalid readings break the run.
 */
export class StabilityTracker {
  private run: number[] = [];

  constructor(
    private readonly count: number,
    private readonly toleranceGrams: number,
  ) {}

  push(grams: number | null): boolean {
    if (grams === null) {
      this.run = [];
      return false;
    }
    this.run.push(grams);
    if (this.run.length > this.count) this.run.shift();
    if (this.run.length < this.count) return false;
    return Math.max(...this.run) - Math.min(...this.run) <= this.toleranceGrams;
  }

  reset(): void {
    this.run = [];
  }
}
