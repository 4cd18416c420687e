import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { guessMapping } from './catalog-import.js';

let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f.close();
});

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('product catalog API', () => {
  it('keeps prices in fen, stock, tags, selling points, script notes, scene and cue; updates and deletes', async () => {
    const created = await f.api('POST', '/products', {
      sku: 'TEA-01', name: '明前龙井 250g', priceFen: 12_800, listPriceFen: 19_800, flashPriceFen: 9_900, stock: 300,
      tags: ['新品', 'tea'], sellingPoints: ['头采', '手工炒制'], notes: '先讲产地', scene: 'Product A', cue: 'warm',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ listPriceFen: 19_800, flashPriceFen: 9_900, stock: 300, tags: ['新品', 'tea'], sellingPoints: ['头采', '手工炒制'], cue: 'warm' });
    const updated = await f.api('PUT', '/products/TEA-01', { name: '明前龙井 500g', priceFen: 22_800, stock: 120, tags: ['热卖'] });
    expect(updated.body).toMatchObject({ name: '明前龙井 500g', priceFen: 22_800, stock: 120, tags: ['热卖'], listPriceFen: null });
    expect((await f.api('PUT', '/products/TEA-01', { name: 'x', priceFen: -1 })).body.error).toMatchObject({ code: 'bad_request', field: 'priceFen' });
    expect((await f.api('DELETE', '/products/TEA-01')).status).toBe(200);
    expect((await f.api('GET', '/products/TEA-01')).status).toBe(404);
  });
});

describe('catalog import', () => {
  it('guesses Chinese and English headers', () => {
    expect(guessMapping(['货号', '商品名称', '直播价(元)', '原价', '秒杀价', '库存', '标签', '卖点', '话术', '场景', '灯光', '主图'])).toEqual({
      sku: 0, name: 1, priceFen: 2, listPriceFen: 3, flashPriceFen: 4, stock: 5, tags: 6, sellingPoints: 7, notes: 8, scene: 9, cue: 10, image: 11,
    });
    expect(guessMapping(['SKU', 'Product name', 'List price', 'Live price', 'Flash sale price', 'Stock'])).toMatchObject({
      sku: 0, name: 1, listPriceFen: 2, priceFen: 3, flashPriceFen: 4, stock: 5,
    });
  });

  it('imports a CSV: bad rows reported with their line, good rows kept, known skus replaced', async () => {
    await f.api('POST', '/products', { sku: 'KNOWN-1', name: '旧名', priceFen: 100 });
    const csv = [
      '货号,商品名称,直播价,原价,库存,标签,卖点',
      'CSV-1,"白茶, 饼",88.5,128,50,新品|白茶,回甘;耐泡',
      'CSV-2,坏价格,abc,,,,',
      'KNOWN-1,新名字,1.00,,,,',
      ',没有货号,10,,,,',
      'CSV-1,重复,10,,,,',
    ].join('\n');
    const preview = await f.api('POST', '/products/import/preview', { name: 'catalog.csv', data: b64(csv) });
    expect(preview.body).toMatchObject({ format: 'csv', rows: 5, mapping: { sku: 0, name: 1, priceFen: 2, listPriceFen: 3, stock: 4 } });
    const res = await f.api('POST', '/products/import', { name: 'catalog.csv', data: b64(csv) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1, rows: 5 });
    expect(res.body.errors).toEqual([
      { line: 3, field: 'priceFen', message: expect.stringMatching(/"abc" is not a price/) },
      { line: 5, field: 'sku', message: expect.stringMatching(/sku/) },
      { line: 6, field: 'sku', message: 'sku: "CSV-1" already appears on line 2' },
    ]);
    const csv1 = (await f.api('GET', '/products/CSV-1')).body;
    expect(csv1).toMatchObject({ name: '白茶, 饼', priceFen: 8_850, listPriceFen: 12_800, stock: 50, tags: ['新品', '白茶'], sellingPoints: ['回甘', '耐泡'] });
    expect((await f.api('GET', '/products/KNOWN-1')).body).toMatchObject({ name: '新名字', priceFen: 100 });
  });

  it('a partial re-import (code, name, price, stock) keeps every unmapped field, and the preview says what changes', async () => {
    const full = { listPriceFen: 19_800, flashPriceFen: 9_900, tags: ['新品', '绿茶'], sellingPoints: ['头采'], notes: '先讲产地', scene: 'Product A', cue: 'warm', image: 'https://img.example/tea.png' };
    await f.api('POST', '/products', { sku: 'RE-1', name: '明前龙井', priceFen: 12_800, stock: 300, ...full });
    await f.api('POST', '/products', { sku: 'RE-2', name: '安吉白茶', priceFen: 8_800, stock: 200, tags: ['白茶'] });
    await f.api('POST', '/products', { sku: 'RE-3', name: '青瓷茶杯', priceFen: 3_990, stock: 500, notes: '讲釉色' });
    // Price changes for RE-1, stock for RE-1 and RE-2, nothing for RE-3; RE-4 is new.
    const csv = ['商品编码,商品名称,直播价,库存', 'RE-1,明前龙井,118,280', 'RE-2,安吉白茶,88,150', 'RE-3,青瓷茶杯,39.9,500', 'RE-4,竹茶盘,69,40'].join('\n');
    const preview = (await f.api('POST', '/products/import/preview', { name: 'partial.csv', data: b64(csv) })).body;
    expect(preview.mapping).toEqual({ sku: 0, name: 1, priceFen: 2, stock: 3 });
    expect(preview.changes).toEqual({
      created: 1,
      updated: 2,
      unchanged: 1,
      fields: [{ field: 'priceFen', products: 1 }, { field: 'stock', products: 2 }],
      kept: ['listPriceFen', 'flashPriceFen', 'tags', 'sellingPoints', 'notes', 'scene', 'cue', 'image'],
    });
    const res = await f.api('POST', '/products/import', { name: 'partial.csv', data: b64(csv) });
    expect(res.body).toMatchObject({ created: 1, updated: 3, errors: [] });
    expect((await f.api('GET', '/products/RE-1')).body).toMatchObject({ priceFen: 11_800, stock: 280, ...full });
    expect((await f.api('GET', '/products/RE-2')).body).toMatchObject({ stock: 150, tags: ['白茶'] });
    expect((await f.api('GET', '/products/RE-3')).body).toMatchObject({ notes: '讲釉色' });
    expect((await f.api('GET', '/products/RE-4')).body).toMatchObject({ name: '竹茶盘', priceFen: 6_900, stock: 40, tags: [], notes: null });
    // A mapping without a required field previews the columns but promises nothing.
    const unmapped = (await f.api('POST', '/products/import/preview', { name: 'partial.csv', data: b64(csv), mapping: { sku: 0, name: 1 } })).body;
    expect(unmapped.changes).toBeUndefined();
  });

  it('reads a CSV that Excel saved in GB18030', async () => {
    const gbk = Buffer.concat([Buffer.from('sku,'), Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]), Buffer.from(',price\nGB-1,'), Buffer.from([0xc1, 0xfa, 0xbe, 0xae]), Buffer.from(',12\n')]);
    const res = await f.api('POST', '/products/import', { name: 'gbk.csv', data: gbk.toString('base64') });
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    expect((await f.api('GET', '/products/GB-1')).body).toMatchObject({ name: '龙井', priceFen: 1_200 });
  });

  it('imports an XLSX with an explicit column mapping and refuses what is not a sheet', async () => {
    const sheet = [
      [{ value: 'Code' }, { value: 'Title' }, { value: 'Price' }, { value: 'Stock' }],
      [{ value: 'XL-1' }, { value: '青瓷茶杯' }, { value: 39.9 }, { value: 12 }],
      [{ value: 'XL-2' }, { value: '茶盘' }, { value: 'free' }, { value: 3 }],
    ];
    const xlsx = await writeXlsxFile(sheet).toBuffer();
    const res = await f.api('POST', '/products/import', { name: 'c.xlsx', data: b64(xlsx), mapping: { sku: 0, name: 1, priceFen: 2, stock: 3 } });
    expect(res.body).toMatchObject({ format: 'xlsx', created: 1, errors: [{ line: 3, field: 'priceFen' }] });
    expect((await f.api('GET', '/products/XL-1')).body).toMatchObject({ priceFen: 3_990, stock: 12 });
    expect((await f.api('POST', '/products/import', { name: 'c.xlsx', data: b64('not a zip') })).body.error.message).toMatch(/not an XLSX/);
    expect((await f.api('POST', '/products/import', { name: 'c.csv', data: b64('a,b\n1,2'), mapping: { sku: 0 } })).body.error).toMatchObject({ field: 'mapping' });
  });
});

describe('product images', () => {
  it('stores an uploaded image by content, serves it to console and overlay tokens, and nothing else', async () => {
    await f.api('POST', '/products', { sku: 'IMG-1', name: '图', priceFen: 1 });
    const up = await f.api('PUT', '/products/IMG-1/image', { data: PNG.toString('base64') });
    expect(up.body.image).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(readFileSync(join(f.dir, 'images', up.body.image)).equals(PNG)).toBe(true);
    for (const token of [f.token, f.overlayToken]) {
      const res = await fetch(`${f.server.url}/api/v1/images/${up.body.image}?token=${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    }
    expect((await f.api('PUT', '/products/IMG-1/image', { data: b64('<svg onload=alert(1)>') })).body.error.message).toMatch(/not a PNG/);
    for (const name of ['..%2Fdesk.sqlite', '..%2F..%2Fetc%2Fpasswd', 'desk.sqlite', `${'a'.repeat(32)}.png`]) {
      expect((await f.api('GET', `/images/${name}`)).status).toBe(404);
    }
    expect((await fetch(`${f.server.url}/api/v1/images/${up.body.image}`)).status).toBe(401);
  });
});
