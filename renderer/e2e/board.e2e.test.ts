import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startDesk, type E2eDesk } from './harness.js';

/**
 * Issue 17: the 数据大屏 board at 1920×1080 cut its per-product table after 3–4 of 5 rows. With the
 * products a show really has (5, 12, 20) every row it shows lies inside the canvas, and the table pages
 * by itself until every product has been on screen.
 */
describe('data board fits 5–20 products at 1920×1080', () => {
  let desk: E2eDesk;
  let seq = 0;

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'dead' }, prefix: 'livedesk-e2e-board' });
    expect((await desk.api('POST', '/actions', { type: 'session.start', title: '大屏 E2E' })).status).toBe(200);
  });

  afterAll(async () => desk?.stop());

  /** Adds products up to `count`, each with one order so the board lists it. */
  const sellUpTo = async (count: number) => {
    const events = [];
    for (; seq < count; seq++) {
      const sku = `P-${String(seq + 1).padStart(2, '0')}`;
      await desk.api('POST', '/products', { sku, name: `商品 ${seq + 1} 明前龙井礼盒装`, priceFen: 12_800 + seq * 100 });
      events.push({ type: 'order', ts: Date.now(), orderId: `B-${seq}`, sku, qty: 1, amount: 12_800 + seq * 100, buyer: `b${seq}` });
    }
    expect((await desk.api('POST', '/ingest', { events })).status).toBe(202);
  };

  /** Rows shown now, each checked against the canvas and the table's box. */
  const visibleRows = (board: Page) =>
    board.locator('[data-testid="board-products"] tbody tr').evaluateAll((rows) => {
      const box = rows[0]?.closest('.board-products-box')?.getBoundingClientRect();
      return rows.map((r) => {
        const b = r.getBoundingClientRect();
        return { sku: r.getAttribute('data-sku'), inCanvas: b.top >= 0 && b.bottom <= 1080 && b.right <= 1920, inBox: !!box && b.bottom <= box.bottom + 1 };
      });
    });

  for (const count of [5, 12, 20]) {
    it(`${count} products: every row on screen is inside the canvas, and paging shows them all`, async () => {
      await sellUpTo(count);
      const board = await desk.overlay('/overlay/board', { locale: 'zh-CN' });
      await board.locator(`[data-testid="board-products"] tbody tr[data-sku]`).first().waitFor();
      const box = board.locator('.board-products-box[data-measured="true"]');
      await box.waitFor();
      const pages = Number(await box.getAttribute('data-pages'));
      const seen = new Set<string>();
      const pagesSeen = new Set<string>();
      // The table turns its own pages: follow it from wherever it is until every page was on screen.
      for (;;) {
        const page = (await box.getAttribute('data-page')) as string;
        pagesSeen.add(page);
        const rows = await visibleRows(board);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((r) => !r.inCanvas || !r.inBox), `page ${Number(page) + 1}/${pages}`).toEqual([]);
        for (const r of rows) if (r.sku) seen.add(r.sku);
        if (pagesSeen.size === 1) await shot(board, `board-${count}-products.png`);
        if (pagesSeen.size === pages) break;
        await board.locator(`.board-products-box[data-measured="true"]:not([data-page="${page}"])`).waitFor({ timeout: 20_000 });
      }
      expect(seen.size).toBe(count);
      // The whole board fits its canvas: nothing scrolls out of frame.
      expect(await board.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
      await board.close();
    }, 120_000);
  }
});
