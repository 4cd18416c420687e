import { describe, expect, it } from 'vitest';
import { ButtonLineDecoder, encodeButtonLine, parseButtonLine } from './button-codec.js';

describe('button box line codec', () => {
  it('parses presses and releases, numbered from 1', () => {
    expect(parseButtonLine('BTN 3 DOWN', 8)).toEqual({ type: 'button', button: 3, down: true });
    expect(parseButtonLine('BTN 3 UP\r', 8)).toEqual({ type: 'button', button: 3, down: false });
    expect(parseButtonLine('BTN 9 UP', 8).type).toBe('error');
    expect(parseButtonLine('BTN 0 UP', 8).type).toBe('error');
    expect(parseButtonLine('hello', 8).type).toBe('error');
  });
  it('splits merged and partial lines from the stream', () => {
    const decoder = new ButtonLineDecoder(8);
    const events = [...decoder.push(Buffer.from('BTN 1 DOWN\r\nBTN 1 U')), ...decoder.push(Buffer.from('P\nnoise\n')), ...decoder.push(encodeButtonLine(2, true))];
    expect(events.filter((e) => e.type === 'button')).toEqual([
      { type: 'button', button: 1, down: true },
      { type: 'button', button: 1, down: false },
      { type: 'button', button: 2, down: true },
    ]);
    expect(decoder.badFrames).toBe(1);
  });
});
