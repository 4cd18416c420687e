import type { IncomingMessage } from 'node:http';

export type Role = 'control' | 'overlay';

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  role: Role;
  body: () => Promise<unknown>;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  raw?: boolean;
}

export type RouteHandler = (ctx: RequestContext) => Promise<Reply> | Reply;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
  /** Roles allowed; the overlay token reaches only routes that list it. */
  roles: readonly Role[];
  /** Largest JSON body `ctx.body()` reads, when the route takes more than the server's default. */
  bodyLimit: number | undefined;
}

export interface RouteOptions {
  bodyLimit?: number;
}

/** A minimal method + path router: `/sessions/:id` style patterns, nothing else. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler, roles: readonly Role[] = ['control'], options: RouteOptions = {}): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler, roles, bodyLimit: options.bodyLimit });
    return this;
  }

  /** Every route as registered (method, `/sessions/:id` pattern, roles): security tests cover each one. */
  list(): { method: string; pattern: string; roles: readonly Role[] }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: `/${r.segments.join('/')}`, roles: r.roles }));
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } | null {
    const parts = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    return allowed.length ? { allowed } : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const value = parts[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (p !== value) return null;
  }
  return params;
}
