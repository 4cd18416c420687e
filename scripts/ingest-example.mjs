#!/usr/bin/env node
// An example LiveDesk connector: pushes audience and order events to the desk's ingest API.
// Copy it and replace `readPlatform()` with whatever your platform, bridge or spreadsheet gives you.
//
//   node scripts/ingest-example.mjs --url http://127.0.0.1:7420 --token <token from DESK_READY> \
//        [--source my-connector] [--seconds 60] [--sku TEA-01]
//
// Rules of the API (README, "Ingest events"):
// - POST /api/v1/ingest {source, events:[…]}, each event {type, ts (ms since epoch), …}; money in fen.
// - 202 {accepted, duplicates} means the batch is on disk. Anything else: nothing was kept.
// - A batch is all-or-nothing; a 400 names the first bad event's `index` and `field`: fix, don't retry.
// - Orders are idempotent by orderId (refunds by orderId + ts + amount), so on a network error or a
//   5xx simply send the SAME batch again: nothing is counted twice.
// - A session must be live (409 otherwise); bodies are limited to 16 MB (413).

import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:7420' },
    token: { type: 'string', default: process.env.LIVEDESK_TOKEN },
    source: { type: 'string', default: 'example-connector' },
    seconds: { type: 'string', default: '60' },
    sku: { type: 'string', default: 'TEA-01' },
  },
});
if (!args.token) {
  console.error('usage: node scripts/ingest-example.mjs --url URL --token TOKEN [--source NAME] [--seconds N] [--sku SKU]');
  process.exit(2);
}

let online = 800;
let viewers = 0;
let orderSeq = 0;

/** Stands in for your platform: one second of a live room. */
function readPlatform(ts) {
  online = Math.max(0, Math.round(online + (Math.random() - 0.45) * 40));
  viewers += Math.round(online * 0.02);
  const events = [{ type: 'snapshot', ts, online, viewersUv: viewers, viewsPv: Math.round(viewers * 1.3) }];
  if (Math.random() < 0.5) events.push({ type: 'comment', ts, user: `viewer-${Math.floor(Math.random() * 500)}`, text: '多少钱？' });
  if (Math.random() < 0.3) {
    orderSeq++;
    events.push({ type: 'order', ts, orderId: `${args.source}-${ts}-${orderSeq}`, sku: args.sku, qty: 1, amount: 12_800, buyer: `buyer-${Math.floor(Math.random() * 200)}` });
  }
  return events;
}

async function push(events) {
  const body = JSON.stringify({ source: args.source, events });
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${args.url}/api/v1/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${args.token}`, 'content-type': 'application/json' },
        body,
      });
      const reply = await res.json();
      if (res.status === 202) return reply;
      // 4xx: the batch itself is wrong (or no session is live); retrying the same bytes cannot help.
      if (res.status < 500) throw new Error(`${res.status} ${reply.error?.code}: ${reply.error?.message}`);
    } catch (error) {
      if (error instanceof Error && /^\d{3} /.test(error.message)) throw error;
      if (attempt >= 5) throw error;
    }
    // Network error or 5xx: the same batch again, after a pause; idempotency makes this safe.
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

try {
  for (let i = 0; i < Number(args.seconds); i++) {
    const reply = await push(readPlatform(Date.now()));
    console.log(`online ${online}  accepted ${reply.accepted}  duplicates ${reply.duplicates}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
} catch (error) {
  console.error(`ingest-example: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
