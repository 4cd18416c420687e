import { z } from 'zod';

/** Milliseconds since the Unix epoch, UTC. */
export const timestampSchema = z.int().nonnegative();

/** Money in the smallest unit of the session currency (fen for CNY). */
export const fenSchema = z.int().nonnegative();

export const skuSchema = z
  .string()
  .trim()
  .min(1, 'sku must not be empty')
  .max(64, 'sku is at most 64 characters')
  .regex(/^[^\s/?#]+$/, 'sku must not contain spaces, "/", "?" or "#"');

export const sceneNameSchema = z.string().min(1, 'scene must not be empty').max(256);

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency is an ISO 4217 code such as CNY');

export type Timestamp = z.infer<typeof timestampSchema>;
export type Fen = z.infer<typeof fenSchema>;
