import { useEffect } from 'react';
import { TokenGate } from './components/token-gate.js';
import { LinkBanner } from './features/live/link-status.js';
import { LiveConsole } from './features/live/live-console.js';
import { Notices } from './features/live/notices.js';
import { TopBar } from './features/live/top-bar.js';
import { ReviewList } from './features/review/review-list.js';
import { ReviewSession } from './features/review/review-session.js';
import { CatalogPage } from './features/products/catalog-page.js';
import { PlansPage } from './features/plan/plans-page.js';
import { ReviewCompare } from './features/review/review-compare.js';
import { DevicesPage } from './features/devices/devices-page.js';
import { useConsoleHotkeys } from './features/devices/use-console-hotkeys.js';
import { useRoute } from './lib/router.js';
import { useConnectionStore } from './stores/connection-store.js';
import { usePrefsStore } from './stores/prefs-store.js';

export function App() {
  const phase = useConnectionStore((s) => s.phase);
  const lang = usePrefsStore((s) => s.lang);
  const route = useRoute();

  useEffect(() => {
    void useConnectionStore.getState().init();
  }, []);
  useConsoleHotkeys();
  useEffect(() => {
    // Lets the browser pick Simplified Chinese glyphs and the right line breaking.
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  if (phase === 'resolving') return null;
  if (phase === 'need-token') return <TokenGate />;
  return (
    <div className="app">
      <TopBar route={route} />
      <LinkBanner />
      {route.name === 'console' ? <LiveConsole /> : null}
      {route.name === 'review-list' ? <ReviewList /> : null}
      {route.name === 'review-session' ? <ReviewSession id={route.id} /> : null}
      {route.name === 'catalog' ? <CatalogPage /> : null}
      {route.name === 'plans' ? <PlansPage /> : null}
      {route.name === 'review-compare' ? <ReviewCompare ids={route.ids} /> : null}
      {route.name === 'devices' ? <DevicesPage /> : null}
      {route.name === 'not-found' ? <LiveConsole /> : null}
      <Notices />
    </div>
  );
}
