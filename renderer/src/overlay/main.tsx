import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveConsoleConnection, resolveOverlayConnection } from '../lib/connection.js';
import { OverlayApp } from './overlay-app.js';
import { DeskKpi } from './desk-kpi.js';
import { KpiBoard, BOARD_LAYOUTS } from './kpi-board.js';
import { KpiTicker, TICKER_LAYOUTS } from './kpi-ticker.js';
import { viewOptions } from './view-options.js';
import './overlay.css';
import './kpi-overlay.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from overlay.html');
const path = location.pathname.replace(/\/+$/, '');

async function page(): Promise<ReactNode> {
  // The desk KPI window takes the console's token too (from the Electron preload or ?token=), so it
  // can show alerts and data sources; the overlays keep their read-only token in the URL.
  if (path.endsWith('/kpi')) {
    const { url, token } = await resolveConsoleConnection();
    return <DeskKpi url={url} token={token} lang={new URL(location.href).searchParams.get('lang') === 'en' ? 'en' : 'zh'} />;
  }
  const { url, token } = resolveOverlayConnection();
  if (!token) console.warn('LiveDesk overlay: no ?token= in the URL; copy the overlay URL from the desk.');
  if (path.endsWith('/overlay/ticker')) return <KpiTicker url={url} token={token} options={viewOptions(location.search, TICKER_LAYOUTS)} />;
  if (path.endsWith('/overlay/board')) return <KpiBoard url={url} token={token} options={viewOptions(location.search, BOARD_LAYOUTS)} />;
  // The audience is Chinese-speaking by default; `&lang=en` for English streams. The OBS browser's own
  // locale says nothing about the audience.
  const lang = new URL(location.href).searchParams.get('lang') === 'en' ? 'en' : 'zh';
  return <OverlayApp url={url} token={token} lang={lang} />;
}

void page().then((content) => createRoot(root).render(<StrictMode>{content}</StrictMode>));
