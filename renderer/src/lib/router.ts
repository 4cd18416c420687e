import { useSyncExternalStore } from 'react';
import { appRootUrl } from './app-root.js';
import { appBasePath, pathForRoute, routeFromPath, type Route } from './routes.js';

// A tiny history router: three routes do not justify a routing library.
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const basePath = () => appBasePath(appRootUrl());
const snapshot = () => location.pathname;

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, snapshot);
  return routeFromPath(pathname, basePath());
}

export function hrefFor(route: Route): string {
  return pathForRoute(route, basePath());
}

export function navigate(route: Route): void {
  const path = hrefFor(route);
  if (path === location.pathname) return;
  history.pushState(null, '', path + location.search);
  notify();
}
