import { useConnectionStore } from '../../stores/connection-store.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { VirtualDeck } from '../devices/virtual-deck.js';
import { ProductsPanel } from '../products/products-panel.js';
import { AlertRules } from '../kpi/alert-rules.js';
import { ImportPanel } from '../kpi/import-dialog.js';
import { IngestSources } from '../kpi/ingest-sources.js';
import { KpiDetails } from '../kpi/kpi-details.js';
import { OverlayLinks } from '../kpi/overlay-links.js';
import { AlertsPanel } from './alerts-panel.js';
import { KpiStrip } from './kpi-strip.js';
import { NowExplaining } from './now-explaining.js';
import { RecentLog } from './recent-log.js';
import { ScenesPanel } from './scenes-panel.js';

/** The field controller's screen: scenes left, numbers and products centre, deck and log right. */
export function LiveConsole() {
  const linkUp = useConnectionStore((s) => s.socket.kind === 'open');
  const hasState = useDeskStore((s) => s.state !== null);
  // Without a live link every control is off and the picture is dimmed: it may no longer be true.
  const off = !linkUp;
  return (
    <main className={`console ${linkUp || !hasState ? '' : 'is-stale'}`} data-testid="console">
      <div className="col col-left">
        <ScenesPanel disabled={off} />
        <AlertsPanel />
        <AlertRules />
        <IngestSources />
        <ImportPanel />
      </div>
      <div className="col col-center">
        <KpiStrip />
        <KpiDetails />
        <NowExplaining disabled={off} />
        <ProductsPanel disabled={off} />
      </div>
      <div className="col col-right">
        <VirtualDeck disabled={off} />
        <RecentLog />
        <OverlayLinks />
      </div>
    </main>
  );
}
