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

/** Holds a navigation (returns true) until the page says so, e.g. an editor with unsaved changes. */
type LeaveGuard = (proceed: () => void) => boolean;
let leaveGuard: LeaveGuard | null = null;

/** Installs `guard` for in-app navigation; returns its removal. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

export function navigate(route: Route): void {
  const path = hrefFor(route);
  if (path === location.pathname) return;
  const go = () => {
    history.pushState(null, '', path + location.search);
    notify();
  };
  if (leaveGuard?.(go)) return;
  go();
}
