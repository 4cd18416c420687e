/**
 * The URL of the app root (ending in "/"), where index.html, overlay.html and assets/ live. Built
 * chunks sit in assets/, so the root is one level above this module's own URL; the dev server always
 * serves at "/". Does not depend on the page's path, so deep routes work without a <base> element.
 */
export function appRootUrl(): string {
  return import.meta.env.DEV ? new URL('/', location.href).href : new URL(/* @vite-ignore */ '../', import.meta.url).href;
}
