import { LineSplitter } from '../scale/framing.js';

/**
 * Arduino-style button boxes speak one line per edge: `BTN <n> DOWN` / `BTN <n> UP`, n from 1. The
 * desk may send `LED <n> ON|OFF` back; boxes without LEDs ignore it.
 */
export type ButtonEvent = { type: 'button'; button: number; down: boolean } | { type: 'error'; reason: string };

export function parseButtonLine(line: string, buttons: number): ButtonEvent {
  const m = /^BTN (\d{1,3}) (DOWN|UP)$/.exec(line.trim());
  if (!m) return { type: 'error', reason: `button box: unrecognised line "${line.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}"` };
  const button = Number(m[1]);
  if (button < 1 || button > buttons) return { type: 'error', reason: `button box: button ${button} is outside 1–${buttons}` };
  return { type: 'button', button, down: m[2] === 'DOWN' };
}

export const encodeButtonLine = (button: number, down: boolean): Uint8Array => Buffer.from(`BTN ${button} ${down ? 'DOWN' : 'UP'}\r\n`, 'latin1');
export const encodeLedLine = (button: number, on: boolean): Uint8Array => Buffer.from(`LED ${button} ${on ? 'ON' : 'OFF'}\n`, 'latin1');

export class ButtonLineDecoder {
  private readonly lines = new LineSplitter(64);
  garbageBytes = 0;
  badFrames = 0;

  constructor(private readonly buttons: number) {}

  push(chunk: Uint8Array): ButtonEvent[] {
    const out: ButtonEvent[] = [];
    for (const e of this.lines.push(chunk)) {
      if (e.kind === 'garbage') this.garbageBytes += e.bytes;
      else if (e.kind === 'bad') this.badFrames++;
      else {
        const event = parseButtonLine(e.text, this.buttons);
        if (event.type === 'error') this.badFrames++;
        out.push(event);
      }
    }
    return out;
  }
}
