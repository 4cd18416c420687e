import { useState } from 'react';
import { formatMoney, parseYuanToFen } from '../../lib/format.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { gmvPace } from './gmv-pace.js';

const KEY = 'livedesk.gmvTargetFen';
const storedTarget = (): number | null => {
  try {
    const value = Number(window.localStorage.getItem(KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
};

/** The controller's GMV target for this show: progress, and ahead or behind the plan's clock. */
export function GmvTarget({ disabled }: { disabled: boolean }) {
  const t = useT();
  const gmvFen = useDeskStore((s) => s.state?.kpi.gmvFen ?? 0);
  const plan = useDeskStore((s) => s.state?.plan ?? null);
  const live = useDeskStore((s) => s.state?.session?.status === 'live');
  const now = useNow();
  const [target, setTarget] = useState<number | null>(storedTarget);
  const [text, setText] = useState('');
  const save = (fen: number | null) => {
    setTarget(fen);
    try {
      if (fen) window.localStorage.setItem(KEY, String(fen));
      else window.localStorage.removeItem(KEY);
    } catch {
      // Private mode: the target lasts for this page only.
    }
  };
  if (!target) {
    return (
      <form
        className="gmv-target gmv-target-empty"
        data-testid="gmv-target"
        onSubmit={(e) => {
          e.preventDefault();
          const fen = parseYuanToFen(text);
          if (fen && fen > 0) save(fen);
        }}
      >
        <span className="now-label">{t('target.title')}</span>
        <input className="input input-small" inputMode="decimal" value={text} placeholder={t('target.placeholder')} aria-label={t('target.placeholder')} disabled={disabled} onChange={(e) => setText(e.target.value)} />
        <button className="btn btn-small" type="submit" disabled={disabled || !(parseYuanToFen(text) ?? 0)}>
          {t('target.set')}
        </button>
      </form>
    );
  }
  const pace = gmvPace(target, gmvFen, live && plan ? now - plan.startedAt : null, plan?.totalPlannedMs ?? null);
  const ahead = pace.aheadFen ?? 0;
  return (
    <div className="gmv-target" data-testid="gmv-target" data-share={pace.share.toFixed(3)} data-ahead={pace.aheadFen ?? ''}>
      <div className="gmv-target-head">
        {/* The figures wrap among themselves; the button keeps its place at the end of the first line. */}
        <div className="gmv-target-figures">
          <span className="now-label">{t('target.title')}</span>
          <span className="mono">
            {formatMoney(gmvFen)} / {formatMoney(target)} · {Math.floor(pace.share * 100)}%
          </span>
          {pace.aheadFen !== null ? (
            <span className={ahead >= 0 ? 'ok-text' : 'warn-text'} data-testid="gmv-pace">
              {ahead >= 0 ? t('target.ahead', { money: formatMoney(ahead) }) : t('target.behind', { money: formatMoney(-ahead) })}
            </span>
          ) : null}
        </div>
        <button className="btn btn-small btn-ghost" type="button" onClick={() => save(null)}>
          {t('target.change')}
        </button>
      </div>
      <div className="gmv-target-bar" aria-hidden>
        <div className="gmv-target-fill" style={{ width: `${Math.min(100, pace.share * 100)}%` }} />
        {pace.expectedFen !== null ? <div className="gmv-target-mark" style={{ left: `${Math.min(100, (pace.expectedFen / target) * 100)}%` }} /> : null}
      </div>
    </div>
  );
}
