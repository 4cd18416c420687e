export type Route =
  | { name: 'console' }
  | { name: 'review-list' }
  | { name: 'devices' }
  | { name: 'review-session'; id: string }
  | { name: 'catalog' }
  | { name: 'plans' }
  | { name: 'review-compare'; ids: string[] }
  | { name: 'not-found'; path: string };

/** The path (ending in "/") of an app root URL. */
export function appBasePath(rootUrl: string): string {
  const path = new URL(rootUrl).pathname;
  return path.endsWith('/') ? path : path.slice(0, path.lastIndexOf('/') + 1);
}

/** Maps a location pathname to a route, relative to the app root. */
export function routeFromPath(pathname: string, basePath: string): Route {
  let rel = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  rel = rel.replace(/\/+$/, '');
  if (rel === '' || rel === 'index.html') return { name: 'console' };
  if (rel === 'review') return { name: 'review-list' };
  if (rel === 'catalog') return { name: 'catalog' };
  if (rel === 'plans') return { name: 'plans' };
  const compare = /^review\/compare\/([^/]+)$/.exec(rel);
  if (compare?.[1]) return { name: 'review-compare', ids: decodeURIComponent(compare[1]).split(',').filter(Boolean) };
  if (rel === 'devices') return { name: 'devices' };
  const m = /^review\/([^/]+)$/.exec(rel);
  if (m?.[1]) return { name: 'review-session', id: decodeURIComponent(m[1]) };
  return { name: 'not-found', path: pathname };
}

export function pathForRoute(route: Route, basePath: string): string {
  switch (route.name) {
    case 'console':
      return basePath;
    case 'review-list':
      return `${basePath}review`;
    case 'devices':
      return `${basePath}devices`;
    case 'review-session':
      return `${basePath}review/${encodeURIComponent(route.id)}`;
    case 'catalog':
      return `${basePath}catalog`;
    case 'plans':
      return `${basePath}plans`;
    case 'review-compare':
      return `${basePath}review/compare/${route.ids.map(encodeURIComponent).join(',')}`;
    case 'not-found':
      return route.path;
  }
}
