/**
 * DMX512 over serial. Enttec DMX USB Pro takes framed messages and keeps sending the last universe by
 * itself; Open DMX USB is a bare FTDI chip, so the host sends break, mark-after-break and the 513 slots
 * of every frame itself.
 */
export const DMX_CHANNELS = 512;

const ENTTEC_START = 0x7e;
const ENTTEC_END = 0xe7;
/** Enttec label 6: "Output Only Send DMX Packet Request". */
const ENTTEC_SEND_DMX = 6;

function universe(channels: Uint8Array): Uint8Array {
  if (channels.length > DMX_CHANNELS) throw new RangeError(`a DMX universe has ${DMX_CHANNELS} channels, got ${channels.length}`);
  const out = new Uint8Array(DMX_CHANNELS);
  out.set(channels);
  return out;
}

/** `0x7E, 6, len LSB, len MSB, start code 0, 512 channels, 0xE7` (len counts the start code: 513). */
export function encodeEnttecDmx(channels: Uint8Array): Uint8Array {
  const data = universe(channels);
  const length = data.length + 1;
  const out = new Uint8Array(length + 5);
  out[0] = ENTTEC_START;
  out[1] = ENTTEC_SEND_DMX;
  out[2] = length & 0xff;
  out[3] = length >> 8;
  out[4] = 0x00;
  out.set(data, 5);
  out[out.length - 1] = ENTTEC_END;
  return out;
}

/** The slots an Open DMX frame writes after the break: start code 0 and 512 channels. */
export function encodeOpenDmxSlots(channels: Uint8Array): Uint8Array {
  const out = new Uint8Array(DMX_CHANNELS + 1);
  out.set(universe(channels), 1);
  return out;
}

/** Line settings DMX512 needs on an Open DMX (FTDI) adapter. */
export const OPEN_DMX_LINE = { baudRate: 250_000, dataBits: 8, parity: 'none', stopBits: 2 } as const;

/** What an Open DMX frame needs from a port: a break line, then bytes. */
export interface BreakCapablePort {
  setBreak(on: boolean): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
}

/** The break must last ≥ 92 µs; timers resolve in whole milliseconds, so the break lasts about 1 ms. */
const BREAK_MS = 1;

/**
 * Sends one Open DMX frame: break on, wait, break off (the mark-after-break is the time the next
 * call takes, far above 12 µs), then the slots.
 */
export async function sendOpenDmxFrame(port: BreakCapablePort, channels: Uint8Array): Promise<void> {
  await port.setBreak(true);
  await new Promise((resolve) => setTimeout(resolve, BREAK_MS));
  await port.setBreak(false);
  await port.write(encodeOpenDmxSlots(channels));
}
