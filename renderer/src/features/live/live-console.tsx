import { useConnectionStore } from '../../stores/connection-store.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { DevicesPanel, ScaleAndLights } from '../devices/devices-section.js';
import { VirtualDeck } from '../devices/virtual-deck.js';
import { ProductsPanel } from '../products/products-panel.js';
import { EmergencyBar } from '../obs/emergency-bar.js';
import { ObsConnectionCard } from '../obs/obs-connection-card.js';
import { OutputPanel } from '../obs/output-panel.js';
import { SourcesPanel } from '../obs/sources-panel.js';
import { AlertRules } from '../kpi/alert-rules.js';
import { ImportPanel } from '../kpi/import-dialog.js';
import { IngestSources } from '../kpi/ingest-sources.js';
import { KpiDetails } from '../kpi/kpi-details.js';
import { OverlayLinks } from '../kpi/overlay-links.js';
import { AlertsPanel } from './alerts-panel.js';
import { GmvTarget } from './gmv-target.js';
import { CommentFeed } from './comment-feed.js';
import { KpiStrip } from './kpi-strip.js';
import { NowExplaining } from './now-explaining.js';
import { RehearsalPanel } from './rehearsal-panel.js';
import { RecentLog } from './recent-log.js';
import { ScenesPanel } from './scenes-panel.js';
import { ShowStrip } from './show-strip.js';

/**
 * The field controller's screen: OBS left (emergency buttons, scenes, sources, scale, alerts), numbers,
 * the product on air, the plan and products centre, deck, outputs with stream health and the log right.
 * Setup panels (alert rules, data sources, imports, overlay links) come last in their column.
 */
export function LiveConsole() {
  const linkUp = useConnectionStore((s) => s.socket.kind === 'open');
  const hasState = useDeskStore((s) => s.state !== null);
  // Without a live link every control is off and the picture is dimmed: it may no longer be true.
  const off = !linkUp;
  return (
    <main className={`console ${linkUp || !hasState ? '' : 'is-stale'}`} data-testid="console">
      {/* Each column scrolls on its own; what the show needs every second sits at the top of it. */}
      <div className="col col-left">
        <EmergencyBar disabled={off} />
        <ObsConnectionCard />
        <ScenesPanel disabled={off} />
        <SourcesPanel disabled={off} />
        <RehearsalPanel disabled={off} />
        <ScaleAndLights disabled={off} />
        <AlertsPanel />
        <AlertRules />
        <IngestSources />
        <ImportPanel />
      </div>
      <div className="col col-center">
        <KpiStrip />
        <GmvTarget disabled={off} />
        <NowExplaining disabled={off} />
        <ShowStrip disabled={off} />
        <ProductsPanel disabled={off} />
        <KpiDetails />
      </div>
      <div className="col col-right">
        <VirtualDeck disabled={off} />
        <OutputPanel disabled={off} />
        <RecentLog />
        <CommentFeed />
        <DevicesPanel disabled={off} />
        <OverlayLinks />
      </div>
    </main>
  );
}
