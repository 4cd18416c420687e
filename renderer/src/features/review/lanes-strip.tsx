import type { Lane, LaneItem, SegmentStats } from '../../contract.js';
import type { StringKey } from '../../lib/i18n.js';
import { useT } from '../../stores/prefs-store.js';
import { showClock } from './review-format.js';

const ORDER: Lane[] = ['flashsale', 'alert', 'marker', 'problem', 'other'];
const LANE_LABEL: Record<Lane | 'explain', StringKey> = {
  explain: 'rv.lanes.explain',
  flashsale: 'rv.lanes.flashsale',
  alert: 'rv.lanes.alert',
  marker: 'rv.lanes.marker',
  problem: 'rv.lanes.problem',
  other: 'rv.lanes.other',
};

type Props = {
  start: number;
  from: number; // visible window, show-time ms
  to: number;
  segments: SegmentStats[];
  lanes: LaneItem[];
  selected: number | null;
  onSelect(index: number): void;
};

/**
 * Event lanes under the curves, on the same time axis: 讲解 segments (click for their numbers), flash
 * sales, alerts, markers, stream problems and anything else the log holds, each lane only when present.
 */
export function LanesStrip({ start, from, to, segments, lanes, selected, onSelect }: Props) {
  const t = useT();
  const span = Math.max(1, to - from);
  const pos = (ts: number) => ((ts - start - from) / span) * 100;
  const visible = (a: number, b: number) => b - start >= from && a - start <= to;
  const present = ORDER.filter((lane) => lanes.some((l) => l.lane === lane));
  return (
    <div className="rv-lanes" data-testid="lanes">
      <div className="rv-lane" data-lane="explain">
        <span className="rv-lane-name">{t(LANE_LABEL.explain)}</span>
        <div className="rv-lane-track">
          {segments.map((s, i) =>
            visible(s.startedAt, s.endedAt) ? (
              <button
                type="button"
                key={`${s.sku}@${s.startedAt}`}
                className={`rv-seg shade-${i % 2} ${selected === i ? 'is-selected' : ''}`}
                style={{ left: `${Math.max(0, pos(s.startedAt))}%`, width: `${Math.max(0.4, Math.min(100, pos(s.endedAt)) - Math.max(0, pos(s.startedAt)))}%` }}
                title={`${s.name} · ${showClock(s.startedAt - start, true)}–${showClock(s.endedAt - start, true)}`}
                onClick={() => onSelect(i)}
              >
                {s.name}
              </button>
            ) : null,
          )}
        </div>
      </div>
      {present.map((lane) => (
        <div className="rv-lane" data-lane={lane} key={lane}>
          <span className="rv-lane-name">{t(LANE_LABEL[lane])}</span>
          <div className="rv-lane-track">
            {lanes
              .filter((l) => l.lane === lane && visible(l.ts, l.endTs ?? l.ts))
              .map((l, i) => {
                const label = l.text ? t(l.text, l.label) : l.label;
                const title = `${showClock(l.ts - start, true)} ${label}`;
                return l.endTs !== null ? (
                  <span
                    key={`${l.ts}-${i}`}
                    className={`rv-span lane-${lane}`}
                    style={{ left: `${Math.max(0, pos(l.ts))}%`, width: `${Math.max(0.4, Math.min(100, pos(l.endTs)) - Math.max(0, pos(l.ts)))}%` }}
                    title={title}
                  >
                    {label}
                  </span>
                ) : (
                  <span key={`${l.ts}-${i}`} className={`rv-tick lane-${lane}`} style={{ left: `${pos(l.ts)}%` }} title={title}>
                    <i />
                    <em>{label}</em>
                  </span>
                );
              })}
          </div>
        </div>
      ))}
    </div>
  );
}
