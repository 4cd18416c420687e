import { z } from 'zod';
import { parseOrThrow } from '../contract/index.js';
import type { Desk } from '../engine/desk.js';
import type { Router } from './router.js';

/** Catalog files and product images arrive base64 in JSON. */
const UPLOAD = { bodyLimit: 12 * 1024 * 1024 };
const control = ['control'] as const;

const imageUploadSchema = z.strictObject({ data: z.string().min(1, 'data must not be empty: send the image as base64') });

/** Routes of the show (issue 4): catalog import, product images, show plans. */
export function addShowRoutes(router: Router, desk: Desk): Router {
  return router
    .add('POST', '/products/import/preview', async (ctx) => ({ body: await desk.catalog.previewImport(await ctx.body()) }), control, UPLOAD)
    .add('POST', '/products/import', async (ctx) => ({ body: await desk.catalog.import(await ctx.body()) }), control, UPLOAD)
    .add(
      'PUT',
      '/products/:sku/image',
      async (ctx) => {
        const sku = ctx.params.sku as string;
        desk.catalog.get(sku);
        const { data } = parseOrThrow(imageUploadSchema, await ctx.body());
        return { body: desk.catalog.setImage(sku, desk.images.save(Buffer.from(data, 'base64'))) };
      },
      control,
      UPLOAD,
    )
    .add('DELETE', '/products/:sku/image', (ctx) => ({ body: desk.catalog.setImage(ctx.params.sku as string, null) }))
    .add(
      'GET',
      '/images/:name',
      (ctx) => {
        const { bytes, type } = desk.images.read(ctx.params.name as string);
        // Content-addressed names never change content, so browsers may keep them.
        return { body: bytes, headers: { 'content-type': type, 'cache-control': 'private, max-age=31536000, immutable', 'content-security-policy': "default-src 'none'" } };
      },
      ['control', 'overlay'],
    )
    .add('GET', '/plans', () => ({ body: desk.plans.list() }))
    .add('POST', '/plans', async (ctx) => ({ status: 201, body: desk.plans.create(await ctx.body()) }))
    .add('GET', '/plans/:id', (ctx) => ({ body: desk.plans.get(ctx.params.id as string) }))
    .add('PUT', '/plans/:id', async (ctx) => ({ body: desk.plans.update(ctx.params.id as string, await ctx.body()) }))
    .add('DELETE', '/plans/:id', (ctx) => {
      desk.plans.remove(ctx.params.id as string);
      return { body: { ok: true } };
    })
    .add('POST', '/plans/:id/duplicate', async (ctx) => {
      const hasBody = Number(ctx.req.headers['content-length'] ?? 0) > 0;
      return { status: 201, body: desk.plans.duplicate(ctx.params.id as string, hasBody ? await ctx.body() : undefined) };
    });
}
