import { z } from 'zod';
import { parseOrThrow } from '../contract/index.js';
import type { Router } from '../server/router.js';
import type { Catalog } from './catalog.js';
import type { Plans } from './plans.js';
import type { ProductImages } from './product-images.js';

/** What the show's routes use. */
export interface ShowRouteDeps {
  catalog: Pick<Catalog, 'list' | 'get' | 'create' | 'update' | 'remove' | 'setImage' | 'previewImport' | 'import'>;
  images: Pick<ProductImages, 'save' | 'read'>;
  plans: Pick<Plans, 'list' | 'get' | 'create' | 'update' | 'remove' | 'duplicate'>;
}

/** Catalog files and product images arrive base64 in JSON. */
const UPLOAD = { bodyLimit: 12 * 1024 * 1024 };
const control = ['control'] as const;

const imageUploadSchema = z.strictObject({ data: z.string().min(1, 'data must not be empty: send the image as base64') });

/** Routes of the show (issue 4): the product catalog and its import, product images, show plans. */
export function addShowRoutes(router: Router, deps: ShowRouteDeps): Router {
  return router
    .add('GET', '/products', () => ({ body: deps.catalog.list() }))
    .add('POST', '/products', async (ctx) => ({ status: 201, body: deps.catalog.create(await ctx.body()) }))
    .add('GET', '/products/:sku', (ctx) => ({ body: deps.catalog.get(ctx.params.sku as string) }))
    .add('PUT', '/products/:sku', async (ctx) => ({ body: deps.catalog.update(ctx.params.sku as string, await ctx.body()) }))
    .add('DELETE', '/products/:sku', (ctx) => {
      deps.catalog.remove(ctx.params.sku as string);
      return { body: { ok: true } };
    })
    .add('POST', '/products/import/preview', async (ctx) => ({ body: await deps.catalog.previewImport(await ctx.body()) }), control, UPLOAD)
    .add('POST', '/products/import', async (ctx) => ({ body: await deps.catalog.import(await ctx.body()) }), control, UPLOAD)
    .add(
      'PUT',
      '/products/:sku/image',
      async (ctx) => {
        const sku = ctx.params.sku as string;
        deps.catalog.get(sku);
        const { data } = parseOrThrow(imageUploadSchema, await ctx.body());
        return { body: deps.catalog.setImage(sku, deps.images.save(Buffer.from(data, 'base64'))) };
      },
      control,
      UPLOAD,
    )
    .add('DELETE', '/products/:sku/image', (ctx) => ({ body: deps.catalog.setImage(ctx.params.sku as string, null) }))
    .add(
      'GET',
      '/images/:name',
      (ctx) => {
        const { bytes, type } = deps.images.read(ctx.params.name as string);
        // Content-addressed names never change content, so browsers may keep them.
        return { body: bytes, headers: { 'content-type': type, 'cache-control': 'private, max-age=31536000, immutable', 'content-security-policy': "default-src 'none'" } };
      },
      ['control', 'overlay'],
    )
    .add('GET', '/plans', () => ({ body: deps.plans.list() }))
    .add('POST', '/plans', async (ctx) => ({ status: 201, body: deps.plans.create(await ctx.body()) }))
    .add('GET', '/plans/:id', (ctx) => ({ body: deps.plans.get(ctx.params.id as string) }))
    .add('PUT', '/plans/:id', async (ctx) => ({ body: deps.plans.update(ctx.params.id as string, await ctx.body()) }))
    .add('DELETE', '/plans/:id', (ctx) => {
      deps.plans.remove(ctx.params.id as string);
      return { body: { ok: true } };
    })
    .add('POST', '/plans/:id/duplicate', async (ctx) => {
      const hasBody = Number(ctx.req.headers['content-length'] ?? 0) > 0;
      return { status: 201, body: deps.plans.duplicate(ctx.params.id as string, hasBody ? await ctx.body() : undefined) };
    });
}
