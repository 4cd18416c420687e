import { DeskError } from '../contract/index.js';

/**
 * Files a route has received (an upload, a spreadsheet, a bundle on disk), held under a short id so
 * that the action which applies them carries the id instead of the bytes: the bus logs the action,
 * and megabytes have no place in the session log. The route discards what the action did not take.
 */
export class Staged<T> {
  private readonly items = new Map<string, T>();
  private next = 0;

  constructor(private readonly kind: string) {}

  stage(item: T): string {
    const id = `${this.kind}-${++this.next}`;
    this.items.set(id, item);
    return id;
  }

  take(id: string): T {
    const item = this.items.get(id);
    if (item === undefined) throw new DeskError('not_found', `no staged ${this.kind} "${id}": upload the file through its route`, { field: 'upload' });
    this.items.delete(id);
    return item;
  }

  discard(id: string): void {
    this.items.delete(id);
  }
}

/** Puts a received file on the bus as `upload` (the action takes it), and drops it if the action did not. */
export async function dispatchStaged<T>(staged: Pick<Staged<T>, 'stage' | 'discard'>, item: T, run: (upload: string) => Promise<unknown>): Promise<unknown> {
  const upload = staged.stage(item);
  try {
    return await run(upload);
  } finally {
    staged.discard(upload);
  }
}
