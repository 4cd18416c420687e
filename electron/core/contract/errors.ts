import type { z } from 'zod';
import type { ApiError, ErrorCode } from './api.js';
import { coded, onWire, type CodedText } from './texts.js';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  internal: 500,
  storage_unavailable: 503,
};

/**
 * An error refused to whoever sent the request: its HTTP status (from `code`), a coded text the console
 * translates (`text`), and an English `message` for developers reading the API.
 */
export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly text: CodedText;
  readonly field: string | undefined;
  readonly index: number | undefined;

  constructor(code: ErrorCode, text: CodedText, extra: { field?: string; index?: number } = {}) {
    super(text.detail);
    this.name = 'DeskError';
    this.code = code;
    this.text = text;
    this.field = extra.field;
    this.index = extra.index;
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON(): ApiError {
    const error: ApiError['error'] = { code: this.code, message: this.message, text: onWire(this.text) };
    if (this.field !== undefined) error.field = this.field;
    if (this.index !== undefined) error.index = this.index;
    return { error };
  }
}

/** Formats the first zod issue as `field: message`, the shape every 400 of the API uses. */
export function firstIssue(error: z.ZodError, prefix: (string | number)[] = []): { field: string; message: string } {
  const issue = error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])].map(String).join('.');
  return { field: path, message: `${path || 'body'}: ${issue?.message ?? 'invalid'}` };
}

/** Parses `input` with `schema` or throws a 400 DeskError naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix: (string | number)[] = []): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { field, message } = firstIssue(result.error, prefix);
  throw new DeskError('bad_request', coded('request.invalidField', { field: field || 'body' }, message), { field });
}
