import { describe, expect, it } from 'vitest';
import { appBasePath, pathForRoute, routeFromPath } from './routes.js';

describe('routes', () => {
  it('finds the app root from the base URI', () => {
    expect(appBasePath('http://127.0.0.1:7420/')).toBe('/');
    expect(appBasePath('http://127.0.0.1:7420/review/abc')).toBe('/review/');
    expect(appBasePath('file:///opt/app/out/renderer/index.html')).toBe('/opt/app/out/renderer/');
  });

  it('maps paths to routes and back', () => {
    expect(routeFromPath('/', '/')).toEqual({ name: 'console' });
    expect(routeFromPath('/review', '/')).toEqual({ name: 'review-list' });
    expect(routeFromPath('/review/', '/')).toEqual({ name: 'review-list' });
    expect(routeFromPath('/review/s%201', '/')).toEqual({ name: 'review-session', id: 's 1' });
    expect(routeFromPath('/nope', '/')).toEqual({ name: 'not-found', path: '/nope' });
    expect(routeFromPath('/opt/r/index.html', '/opt/r/')).toEqual({ name: 'console' });
    expect(pathForRoute({ name: 'review-session', id: 's 1' }, '/')).toBe('/review/s%201');
    expect(pathForRoute({ name: 'review-list' }, '/desk/')).toBe('/desk/review');
    expect(pathForRoute({ name: 'console' }, '/desk/')).toBe('/desk/');
    expect(pathForRoute({ name: 'review-compare', ids: ['a 1', 'b'] }, '/')).toBe('/review/compare/a%201,b');
    expect(routeFromPath('/review/compare/a%201,b', '/')).toEqual({ name: 'review-compare', ids: ['a 1', 'b'] });
  });
});
