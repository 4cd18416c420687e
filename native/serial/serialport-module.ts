import { createRequire } from 'node:module';
import type * as SerialPortModule from 'serialport';

const require = createRequire(import.meta.url);
let loaded: typeof SerialPortModule | null = null;

/**
 * serialport and its native bindings, loaded on the first port listed or opened rather than at start:
 * a desk without serial hardware never pays for them, and every desk reaches DESK_READY sooner.
 */
export function serialportModule(): typeof SerialPortModule {
  return (loaded ??= require('serialport') as typeof SerialPortModule);
}
