import { describe, expect, it } from 'vitest';
import { parseCoreArgs, UsageError } from './cli.js';

describe('parseCoreArgs', () => {
  it('applies the documented defaults', () => {
    expect(parseCoreArgs([])).toEqual({
      dataDir: null,
      host: '127.0.0.1',
      port: 7420,
      token: null,
      obsUrl: 'ws://127.0.0.1:4455',
      obsPassword: null,
      demo: false,
    });
  });

  it('reads every flag', () => {
    const args = parseCoreArgs(['--data-dir', '/d', '--port', '0', '--token', 't'.repeat(16), '--obs-url', 'ws://10.0.0.2:4455', '--obs-password', 'pw', '--demo']);
    expect(args).toMatchObject({ dataDir: '/d', port: 0, token: 't'.repeat(16), obsUrl: 'ws://10.0.0.2:4455', obsPassword: 'pw', demo: true });
  });

  it.each([
    [['--port', 'abc'], /--port must be 0–65535/],
    [['--port', '70000'], /--port must be 0–65535/],
    [['--obs-url', 'http://x'], /must start with ws:\/\//],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--host', '0.0.0.0'], /exposes the desk beyond this machine/],
    [['--token', 'short'], /at least 16/],
  ])('refuses %j with a one-line reason', (argv, reason) => {
    expect(() => parseCoreArgs(argv)).toThrowError(UsageError);
    expect(() => parseCoreArgs(argv)).toThrowError(reason);
  });

  it('allows a non-loopback host with an explicit token', () => {
    expect(parseCoreArgs(['--host', '0.0.0.0', '--token', 'x'.repeat(20)]).host).toBe('0.0.0.0');
  });
});
