import WebSocket from 'ws';
import type { DeskState, Kpi, OverlayState, WsServerMessage } from '../../contract/index.js';
import type { CoreProcess } from '../core-process.js';
import type { Figures } from './show-model.js';

/** The overlay socket as OBS's browser source holds it: the latest push, and a wait for a matching one. */
export async function openOverlay(core: CoreProcess) {
  const ws = new WebSocket(`${core.url.replace(/^http/, 'ws')}/ws?token=${core.overlayToken}`);
  let latest: OverlayState | null = null;
  const listeners = new Set<() => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as WsServerMessage;
    if (message.type !== 'overlay') return;
    latest = message.state;
    for (const l of listeners) l();
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  /** Resolves with the latest push once `match` holds for it; rejects with what it last saw. */
  const until = (match: (s: OverlayState) => boolean, timeoutMs = 5_000) =>
    new Promise<OverlayState>((resolve, reject) => {
      const check = () => {
        if (latest && match(latest)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(latest);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`the overlay never showed the expected figures; last push: ${JSON.stringify(latest)}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return { until, close: () => ws.close() };
}
export type OverlaySocket = Awaited<ReturnType<typeof openOverlay>>;

/** The figures a KPI set shows, in the model's shape (counters limited to those the model knows). */
export function kpiFigures(kpi: Kpi, counterKeys: readonly string[]) {
  const detail = (kpi.detail ?? {}) as unknown as Record<string, unknown>;
  const products = Object.fromEntries(
    (kpi.detail?.products ?? []).map((p) => [p.sku, { gmvFen: p.gmvFen, orders: p.orders, qty: p.qty, explainGmvFen: p.explainGmvFen, explainOrders: p.explainOrders }]),
  );
  return {
    gmvFen: kpi.gmvFen,
    orders: kpi.orders,
    buyers: kpi.buyers,
    peakOnline: kpi.peakOnline,
    online: kpi.online,
    refundFen: kpi.detail?.refundFen ?? 0,
    counters: Object.fromEntries(counterKeys.map((k) => [k, detail[k]])),
    products,
  };
}

/** What the model says those figures must be. */
export function expectedKpi(want: Figures) {
  const { gmvFen, orders, buyers, peakOnline, online, refundFen, products } = want;
  // The desk names a snapshot's adSpend adSpendFen; every other counter keeps its ingest name.
  const counters = Object.fromEntries(Object.entries(want.counters).map(([k, v]) => [k === 'adSpend' ? 'adSpendFen' : k, v]));
  return { gmvFen, orders, buyers, peakOnline, online, refundFen, counters, products };
}

/** The virtual deck's key looks, by key index. */
export function keyLooks(state: DeskState) {
  return state.surfaces.find((s) => s.kind === 'virtual')?.keys ?? [];
}
