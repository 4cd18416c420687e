/**
 * A set whose additions are staged per batch: forks share the committed base and keep only their own
 * new members, so staging a 10k-event batch never copies a million known viewers, and a rejected
 * batch leaves the base untouched.
 */
export class StagedSet {
  constructor(
    private readonly base = new Set<string>(),
    private readonly pending = new Set<string>(),
  ) {}

  static of(values: Iterable<string>): StagedSet {
    return new StagedSet(new Set(values));
  }

  add(value: string): void {
    if (!this.base.has(value)) this.pending.add(value);
  }

  has(value: string): boolean {
    return this.base.has(value) || this.pending.has(value);
  }

  get size(): number {
    return this.base.size + this.pending.size;
  }

  fork(): StagedSet {
    return new StagedSet(this.base, new Set(this.pending));
  }

  /** Makes the staged members permanent; call once the batch that added them is durable. */
  commit(): void {
    for (const value of this.pending) this.base.add(value);
    this.pending.clear();
  }
}
