import { describe, expect, it } from 'vitest';
import { coreUrlFromRoot, extractToken } from './connection.js';

describe('connection', () => {
  it('takes the token out of the URL and keeps the rest', () => {
    expect(extractToken('http://h:1/review/x?token=abc&lang=en#top')).toEqual({
      token: 'abc',
      cleaned: '/review/x?lang=en#top',
    });
    expect(extractToken('http://h:1/?token=')).toEqual({ token: null, cleaned: '/' });
    expect(extractToken('http://h:1/')).toEqual({ token: null, cleaned: '/' });
  });

  it('derives the core URL from the app root', () => {
    expect(coreUrlFromRoot('http://127.0.0.1:7420/')).toBe('http://127.0.0.1:7420');
    expect(coreUrlFromRoot('http://127.0.0.1:7420/desk/index.html')).toBe('http://127.0.0.1:7420/desk');
  });
});
