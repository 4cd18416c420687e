import type { ReactNode } from 'react';
import { Money } from '../../components/money.js';
import type { StringKey } from '../../lib/i18n.js';
import { formatCount, formatTime } from '../../lib/format.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

function Tile({ label, value, accent, testId }: { label: StringKey; value: ReactNode; accent?: boolean; testId: string }) {
  const t = useT();
  return (
    <div className={`kpi ${accent ? 'kpi-accent' : ''}`} data-testid={testId}>
      <span className="kpi-label">{t(label)}</span>
      <span className="kpi-value">{value}</span>
    </div>
  );
}

export function KpiStrip() {
  const t = useT();
  const kpi = useDeskStore((s) => s.state?.kpi ?? null);
  const currency = useDeskStore((s) => s.state?.session?.currency ?? 'CNY');
  if (!kpi) return <div className="kpis" />;
  return (
    <div className="kpis-wrap">
      <div className="kpis">
        <Tile label="kpi.online" value={formatCount(kpi.online)} testId="kpi-online" />
        <Tile label="kpi.peak" value={formatCount(kpi.peakOnline)} testId="kpi-peak" />
        <Tile label="kpi.gmv" value={<Money fen={kpi.gmvFen} currency={currency} />} accent testId="kpi-gmv" />
        <Tile label="kpi.orders" value={formatCount(kpi.orders)} testId="kpi-orders" />
        <Tile label="kpi.buyers" value={formatCount(kpi.buyers)} testId="kpi-buyers" />
      </div>
      <span className="kpi-updated">{kpi.updatedAt ? t('kpi.updated', { time: formatTime(kpi.updatedAt) }) : t('kpi.noData')}</span>
    </div>
  );
}
