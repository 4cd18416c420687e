import type { PreparedBatch, PreparedFrame } from './ingest-prepare.js';

/**
 * A prepared frame as it crosses from the parse thread to the event loop. Copying between threads
 * costs per string, and a batch names a viewer or buyer in nearly every event: here a person travels
 * as a number into a table of names both sides keep, so each name crosses once per thread. The event
 * loop then holds each viewer's pseudonym as one string, which the session's viewer and buyer sets
 * find without hashing a fresh copy. Measured on 2M events: the event loop's CPU 4–7% lower. (Sending
 * the log JSONs joined into a few strings, to be split here, was measured too: both threads got slower.)
 */
export interface WireFrame {
  id: string | null;
  batch: Omit<PreparedBatch, 'person'> & {
    /** Per event: its person's place in the names table, -1 for none. */
    persons: Int32Array;
    /** Names first sent in this frame, in the order they join the table. */
    names: string[];
    /** The table was emptied before this frame's names (it holds at most MAX_NAMES). */
    reset: boolean;
  };
}

/** Names a table holds before it starts again: a bound on both sides' memory, far above a show's viewers. */
export const MAX_NAMES = 200_000;

/** The parse thread's side: gives each name its number, the first time with the name itself. */
export class WireEncoder {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly maxNames = MAX_NAMES) {}

  encode({ id, batch }: PreparedFrame): WireFrame {
    const { person, ...rest } = batch;
    const reset = this.numbers.size + person.length > this.maxNames;
    if (reset) this.numbers.clear();
    const persons = new Int32Array(person.length);
    const names: string[] = [];
    for (let i = 0; i < persons.length; i++) {
      const name = person[i];
      if (name === null || name === undefined) {
        persons[i] = -1;
        continue;
      }
      let number = this.numbers.get(name);
      if (number === undefined) {
        number = this.numbers.size;
        this.numbers.set(name, number);
        names.push(name);
      }
      persons[i] = number;
    }
    return { id, batch: { ...rest, persons, names, reset } };
  }
}

/** The event loop's side, one per thread: reads that thread's frames in the order it sent them. */
export class WireDecoder {
  private readonly names: string[] = [];

  decode({ id, batch }: WireFrame): PreparedFrame {
    const { persons, names, reset, ...rest } = batch;
    if (reset) this.names.length = 0;
    for (const name of names) this.names.push(name);
    const person = new Array<string | null>(persons.length);
    for (let i = 0; i < persons.length; i++) {
      const number = persons[i] as number;
      if (number < 0) {
        person[i] = null;
        continue;
      }
      const name = this.names[number];
      if (name === undefined) throw new Error(`person ${number} of a table of ${this.names.length}`);
      person[i] = name;
    }
    return { id, batch: { ...rest, person } };
  }
}
