import { Panel } from '../../components/panel.js';
import type { KpiBasisPrefs } from '../../contract.js';
import { translate } from '../../lib/i18n.js';
import { KpiValue } from '../../overlay/kpi-figure.js';
import { kpiItems, type KpiItemId } from '../../overlay/kpi-items.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useKpiSettings } from '../../stores/kpi-settings-store.js';
import { usePrefsStore } from '../../stores/prefs-store.js';

/** The five headline tiles are in the KPI strip above; this panel has the rest of kpi.md. */
const SHOWN_ABOVE: ReadonlySet<KpiItemId> = new Set(['online', 'peakOnline', 'gmv', 'orders', 'buyers']);
const SWITCHABLE: ReadonlySet<string> = new Set<keyof KpiBasisPrefs>(['avgWatchSeconds', 'interactionRate', 'conversion', 'gpmFen', 'clickToOrder', 'followerConversion']);

/** Every ratio with its basis (人数/次数); clicking the basis switches it to match the platform's dashboard. */
export function KpiDetails() {
  const lang = usePrefsStore((s) => s.lang);
  const kpi = useDeskStore((s) => s.state?.kpi ?? null);
  const currency = useDeskStore((s) => s.state?.session?.currency ?? 'CNY');
  const setBasis = useKpiSettings((s) => s.setBasis);
  if (!kpi?.detail) return null;
  const items = kpiItems(kpi, currency).filter((i) => !SHOWN_ABOVE.has(i.id));
  return (
    <Panel title={translate(lang, 'k.title')} className="kpi-details" testId="kpi-details">
      <dl className="kpi-detail-grid">
        {items.map((item) => (
          <div key={item.id} className="kpi-detail" data-testid={`kpi-${item.id}`} title={item.fraction}>
            <dt>
              {translate(lang, item.label)}
              {item.basis && SWITCHABLE.has(item.id) ? (
                <button
                  type="button"
                  className="basis basis-switch"
                  data-testid={`basis-${item.id}`}
                  onClick={() => void setBasis(item.id as keyof KpiBasisPrefs, item.basis === 'people' ? 'times' : 'people')}
                >
                  {translate(lang, `basis.${item.basis}`)}
                </button>
              ) : item.basis ? (
                <em className="basis">{translate(lang, `basis.${item.basis}`)}</em>
              ) : null}
            </dt>
            <KpiValue item={item} />
          </div>
        ))}
      </dl>
    </Panel>
  );
}
