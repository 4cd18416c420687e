import type { z } from 'zod';
import { API_PREFIX, apiErrorSchema, type CodedTextWire } from '../contract.js';

/**
 * A failed API call with the core's error code, its developer message and the coded text the console
 * shows (see lib/error-text.ts), or `network` when the core was unreachable.
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly text: CodedTextWire | undefined;

  constructor(status: number, code: string, message: string, field?: string, text?: CodedTextWire) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.text = text;
  }
}

export type ApiClient = {
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>>;
  send<S extends z.ZodType>(method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', path: string, body: unknown, schema: S): Promise<z.output<S>>;
  /** Files in and out (downloads, bundle uploads): the response as is once it is OK, else the API error. */
  raw(method: 'GET' | 'POST', path: string, body?: Blob): Promise<Response>;
  /** POSTs a file's bytes as the body (e.g. a platform export to import). */
  upload<S extends z.ZodType>(path: string, file: Blob, schema: S): Promise<z.output<S>>;
};

/** Reads an error body of the API's shape; anything else becomes a generic error with the status text. */
export async function toApiError(res: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to the status line
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiRequestError(res.status, e.code, e.message, e.field, e.text);
  }
  return new ApiRequestError(res.status, 'http', `${res.status} ${res.statusText}`.trim());
}

export function createApiClient(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): ApiClient {
  async function call<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    const raw = body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
    let res: Response;
    try {
      res = await fetchImpl(`${baseUrl}${API_PREFIX}${path}`, {
        method,
        headers,
        body: body === undefined ? null : raw ? body : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
    }
    if (!res.ok) throw await toApiError(res);
    const data: unknown = res.status === 204 ? null : await res.json();
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiRequestError(res.status, 'malformed', `unexpected response: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    return parsed.data;
  }
  async function raw(method: 'GET' | 'POST', path: string, body?: Blob): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body) headers['Content-Type'] = 'application/octet-stream';
    let res: Response;
    try {
      res = await fetchImpl(`${baseUrl}${API_PREFIX}${path}`, { method, headers, body: body ?? null });
    } catch (err) {
      throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
    }
    if (!res.ok) throw await toApiError(res);
    return res;
  }
  return {
    raw,
    get: (path, schema) => call('GET', path, undefined, schema),
    send: (method, path, body, schema) => call(method, path, body, schema),
    upload: (path, file, schema) => call('POST', path, file, schema),
  };
}
