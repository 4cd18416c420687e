import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactArgs, secretsInArgs } from './redact.js';

describe('redact', () => {
  it('finds secret flag values in both forms', () => {
    expect(secretsInArgs(['--port', '7420', '--token', 'abc', '--obs-password=pw1', '--obs-url', 'ws://x'])).toEqual(['abc', 'pw1']);
    expect(secretsInArgs(['--token'])).toEqual([]);
  });

  it('replaces known secrets wherever they appear', () => {
    expect(redact('auth failed for hunter2 (hunter2)', ['hunter2'])).toBe(`auth failed for ${REDACTED} (${REDACTED})`);
  });

  it('removes a longer secret whole when it contains a shorter one', () => {
    expect(redact('x abcdef y', ['abc', 'abcdef'])).toBe(`x ${REDACTED} y`);
  });

  it('catches tokens and passwords it was not told about', () => {
    expect(redact('GET /overlay/card?token=zzz&x=1')).toBe(`GET /overlay/card?token=${REDACTED}&x=1`);
    expect(redact('url?overlayToken=zzz')).toBe(`url?overlayToken=${REDACTED}`);
    expect(redact('--obs-password=zzz')).toBe(`--obs-password=${REDACTED}`);
    expect(redact('{"token":"zzz","obsPassword": "yyy","port":1}')).toBe(`{"token":"${REDACTED}","obsPassword": "${REDACTED}","port":1}`);
    expect(redact('Authorization: Bearer zzz.yyy')).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('leaves ordinary lines alone', () => {
    expect(redact('listening on http://127.0.0.1:7420', ['s3cret'])).toBe('listening on http://127.0.0.1:7420');
  });

  it('redacts argument lists for logging', () => {
    expect(redactArgs(['main.js', '--token', 'abc', '--obs-password=pw1', '--demo'])).toEqual(['main.js', '--token', REDACTED, `--obs-password=${REDACTED}`, '--demo']);
  });
});
