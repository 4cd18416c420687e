import type { SessionSummary } from '../../contract.js';
import { useT } from '../../stores/prefs-store.js';

export function StatusBadge({ status }: { status: SessionSummary['status'] }) {
  const t = useT();
  return <span className={`badge badge-status status-${status}`}>{t(`review.status.${status}`)}</span>;
}
