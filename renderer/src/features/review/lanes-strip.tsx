import { useLayoutEffect, useRef, useState } from 'react';
import type { Lane, LaneItem, SegmentStats } from '../../contract.js';
import { describeEvent } from '../../lib/describe-event.js';
import type { StringKey, Translate } from '../../lib/i18n.js';
import { useT } from '../../stores/prefs-store.js';
import { placeLaneItems } from './lane-layout.js';
import { axisClock, axisTicks, showClock } from './review-format.js';

const ORDER: Lane[] = ['flashsale', 'alert', 'marker', 'problem', 'other'];
const LANE_LABEL: Record<Lane | 'explain', StringKey> = {
  explain: 'rv.lanes.explain',
  flashsale: 'rv.lanes.flashsale',
  alert: 'rv.lanes.alert',
  marker: 'rv.lanes.marker',
  problem: 'rv.lanes.problem',
  other: 'rv.lanes.other',
};
const ROW_PX = 18;

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
 * A lane item in the reader's language, from the logged event itself (never the raw kind name): the
 * lane's own name says what it is, so a dedicated lane shows the detail; "other" names the kind too.
 */
export function laneText(item: LaneItem, t: Translate, currency = 'CNY'): string {
  // OBS's own status words are English; the desk has its sentences for them.
  if (item.kind === 'obs.status') {
    const key = `obs.${String(item.data.status)}` as StringKey;
    return t(key) !== key ? t(key) : t('obs.disconnected');
  }
  const line = describeEvent({ id: 0, ts: item.ts, kind: item.kind, data: item.data }, t, currency);
  const known = line.label !== item.kind;
  const detail = line.detail.trim();
  if (item.lane === 'other') return [known ? line.label : t('rv.lanes.other'), detail].filter(Boolean).join(' ');
  return detail || (known ? line.label : t(LANE_LABEL[item.lane]));
}

/** The track's width in pixels, for laying labels out without overlap. */
function useTrackWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [px, setPx] = useState(1000);
  useLayoutEffect(() => {
    const measure = () => setPx(ref.current?.querySelector('.rv-lane-track')?.clientWidth ?? 1000);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return { ref, px };
}

/**
 * Event lanes under the curves, on the same time axis: 讲解 segments (click for their numbers), flash
 * sales, alerts (raise to clear, one span), markers, stream problems and anything else the log holds,
 * each lane only when present, labels stacked so none covers another; a time axis for the zoomed window.
 */
export function LanesStrip({ start, from, to, segments, lanes, selected, onSelect }: Props) {
  const t = useT();
  const { ref, px } = useTrackWidth();
  const span = Math.max(1, to - from);
  const pos = (ts: number) => ((ts - start - from) / span) * 100;
  const visible = (a: number, b: number) => b - start >= from && a - start <= to;
  const present = ORDER.filter((lane) => lanes.some((l) => l.lane === lane));
  return (
    <div className="rv-lanes" data-testid="lanes" ref={ref}>
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
      {present.map((lane) => {
        const items = lanes.filter((l) => l.lane === lane && visible(l.ts, l.endTs ?? l.ts));
        const texts = items.map((l) => laneText(l, t));
        const boxes = items.map((l, i) => ({ left: Math.max(0, pos(l.ts)), right: l.endTs === null ? Math.max(0, pos(l.ts)) : Math.min(100, pos(l.endTs)), label: texts[i] ?? '' }));
        const placed = placeLaneItems(boxes, px);
        const rows = Math.max(1, ...placed.map((p) => p.row + 1));
        return (
          <div className="rv-lane" data-lane={lane} key={lane}>
            <span className="rv-lane-name">{t(LANE_LABEL[lane])}</span>
            <div className="rv-lane-track" style={{ height: rows * ROW_PX + 2 }}>
              {items.map((l, i) => {
                const text = texts[i] ?? '';
                const box = boxes[i] as { left: number; right: number };
                const where = placed[i] ?? { row: 0, showLabel: true };
                const until = l.endTs === null ? '' : `–${showClock(l.endTs - start, true)}`;
                const title = `${showClock(l.ts - start, true)}${until} ${text}`;
                const top = where.row * ROW_PX + 1;
                // A span too narrow to hold its text is drawn as a mark with the text beside it.
                const wide = l.endTs !== null && ((box.right - box.left) / 100) * px >= 24;
                return wide ? (
                  <span
                    key={`${l.ts}-${i}`}
                    className={`rv-span lane-${lane}`}
                    style={{ left: `${box.left}%`, width: `${Math.max(0.4, box.right - box.left)}%`, top, height: ROW_PX - 2 }}
                    title={title}
                    data-row={where.row}
                  >
                    {where.showLabel ? text : ''}
                  </span>
                ) : (
                  <span key={`${l.ts}-${i}`} className={`rv-tick lane-${lane}`} style={{ left: `${box.left}%`, top, height: ROW_PX }} title={title} data-row={where.row}>
                    <i />
                    {where.showLabel ? <em>{text}</em> : null}
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
      <div className="rv-lane rv-axis" data-testid="lanes-axis">
        <span className="rv-lane-name" />
        <div className="rv-axis-track">
          {axisTicks(from, to).map((tick) => (
            <span key={tick} className="rv-axis-tick mono" style={{ left: `${((tick - from) / span) * 100}%` }}>
              {axisClock(tick, span)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
