import { z } from 'zod';
import { parseOrThrow, planInputSchema, productInputSchema } from '../contract/index.js';
import type { Dispatch } from '../engine/ports.js';
import type { Staged } from '../engine/staged.js';
import type { Router } from '../server/router.js';
import { productUpdateInput, type Catalog } from './catalog.js';
import type { Plans } from './plans.js';
import type { ProductImages } from './product-images.js';

/** What the show's routes use: reads directly, every change through the bus. */
export interface ShowRouteDeps {
  dispatch: Dispatch;
  catalog: Pick<Catalog, 'list' | 'get' | 'previewImport'>;
  images: Pick<ProductImages, 'save' | 'read'>;
  plans: Pick<Plans, 'list' | 'get'>;
  staged: { catalog: Pick<Staged<unknown>, 'stage' | 'discard'> };
}

/** Catalog files and product images arrive base64 in JSON. */
const UPLOAD = { bodyLimit: 12 * 1024 * 1024 };
const control = ['control'] as const;
const api = { surface: 'api' } as const;

const imageUploadSchema = z.strictObject({ data: z.string().min(1, 'data must not be empty: send the image as base64') });

/**
 * Routes of the show (issue 4): the product catalog and its import, product images, show plans. A
 * body is validated here first, so its errors name its own fields; then it goes on the bus.
 */
export function addShowRoutes(router: Router, deps: ShowRouteDeps): Router {
  const { dispatch } = deps;
  return router
    .add('GET', '/products', () => ({ body: deps.catalog.list() }))
    .add('POST', '/products', async (ctx) => {
      const product = parseOrThrow(productInputSchema, await ctx.body());
      return { status: 201, body: await dispatch({ type: 'product.create', product }, api) };
    })
    .add('GET', '/products/:sku', (ctx) => ({ body: deps.catalog.get(ctx.params.sku as string) }))
    .add('PUT', '/products/:sku', async (ctx) => {
      const sku = ctx.params.sku as string;
      return { body: await dispatch({ type: 'product.update', sku, product: productUpdateInput(sku, await ctx.body()) }, api) };
    })
    .add('DELETE', '/products/:sku', async (ctx) => ({ body: await dispatch({ type: 'product.remove', sku: ctx.params.sku as string }, api) }))
    .add('POST', '/products/import/preview', async (ctx) => ({ body: await deps.catalog.previewImport(await ctx.body()) }), control, UPLOAD)
    .add(
      'POST',
      '/products/import',
      async (ctx) => {
        const upload = deps.staged.catalog.stage(await ctx.body());
        try {
          return { body: await dispatch({ type: 'product.import', upload }, api) };
        } finally {
          deps.staged.catalog.discard(upload);
        }
      },
      control,
      UPLOAD,
    )
    .add(
      'PUT',
      '/products/:sku/image',
      async (ctx) => {
        const sku = ctx.params.sku as string;
        deps.catalog.get(sku);
        const { data } = parseOrThrow(imageUploadSchema, await ctx.body());
        // Images are content-addressed: storing one changes nothing until a product points at it.
        const image = deps.images.save(Buffer.from(data, 'base64'));
        return { body: await dispatch({ type: 'product.image', sku, image }, api) };
      },
      control,
      UPLOAD,
    )
    .add('DELETE', '/products/:sku/image', async (ctx) => ({ body: await dispatch({ type: 'product.image', sku: ctx.params.sku as string, image: null }, api) }))
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
    .add('POST', '/plans', async (ctx) => {
      const plan = parseOrThrow(planInputSchema, await ctx.body());
      return { status: 201, body: await dispatch({ type: 'plan.create', plan }, api) };
    })
    .add('GET', '/plans/:id', (ctx) => ({ body: deps.plans.get(ctx.params.id as string) }))
    .add('PUT', '/plans/:id', async (ctx) => {
      const plan = parseOrThrow(planInputSchema, await ctx.body());
      return { body: await dispatch({ type: 'plan.update', id: ctx.params.id as string, plan }, api) };
    })
    .add('DELETE', '/plans/:id', async (ctx) => ({ body: await dispatch({ type: 'plan.remove', id: ctx.params.id as string }, api) }))
    .add('POST', '/plans/:id/duplicate', async (ctx) => {
      const hasBody = Number(ctx.req.headers['content-length'] ?? 0) > 0;
      const body: unknown = hasBody ? await ctx.body() : undefined;
      const name = body && typeof body === 'object' && typeof (body as { name?: unknown }).name === 'string' ? (body as { name: string }).name : undefined;
      return { status: 201, body: await dispatch({ type: 'plan.duplicate', id: ctx.params.id as string, ...(name === undefined ? {} : { name }) }, api) };
    });
}
