import { describe, expect, it } from 'vitest';
import { defaultPdfName, reportPdfArgsSchema, reportRequest } from './report-pdf.js';

describe('report PDF (shell)', () => {
  it('accepts session ids only, never paths or URLs', () => {
    expect(reportPdfArgsSchema.safeParse([['20260306-abcd1234']]).success).toBe(true);
    for (const bad of [[[]], [['../../etc/passwd']], [['http://x']], [Array(9).fill('a')], ['a'], []]) {
      expect(reportPdfArgsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('asks the supervised core for the HTML report with its token', () => {
    const r = reportRequest({ url: 'http://127.0.0.1:7420', token: 'T0K', overlayToken: 'o' }, ['a', 'b']);
    expect(r).toEqual({ url: 'http://127.0.0.1:7420/api/v1/review/export?format=html&ids=a%2Cb', headers: { authorization: 'Bearer T0K' } });
    expect(defaultPdfName(['a'])).toBe('livedesk-a.pdf');
    expect(defaultPdfName(['a', 'b', 'c'])).toBe('livedesk-a-and-2-more.pdf');
  });
});
