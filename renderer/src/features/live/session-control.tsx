import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { formatClock } from '../../lib/format.js';
import { hrefFor, navigate } from '../../lib/router.js';
import { useNow } from '../../lib/use-now.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { usePlansStore } from '../../stores/plans-store.js';
import { useT } from '../../stores/prefs-store.js';

/** Start a session with a title, or show the live one with its clock and a guarded End. */
export function SessionControl({ disabled }: { disabled: boolean }) {
  const t = useT();
  const session = useDeskStore((s) => s.state?.session ?? null);
  const run = useDeskStore((s) => s.run);
  const [title, setTitle] = useState('');
  const [planId, setPlanId] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The session just ended, for the 查看复盘 link: where the controller goes next.
  const [ended, setEnded] = useState<{ id: string; title: string } | null>(null);
  const plans = usePlansStore((s) => s.plans);
  useEffect(() => {
    void usePlansStore.getState().load();
  }, []);

  if (!session || session.status !== 'live') {
    return (
      <form
        className="session-start"
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = title.trim();
          if (!trimmed) return;
          void run({ type: 'session.start', title: trimmed, ...(planId && { planId }) }).then((ok) => {
            if (!ok) return;
            setTitle('');
            setEnded(null);
          });
        }}
      >
        {/* After a show its 查看复盘 link stands where "no session" would: the two did not fit a 1920 px bar in English. */}
        {ended ? null : <span className="session-idle">{t('session.none')}</span>}
        {ended ? (
          <a
            className="btn btn-small session-review-link"
            data-testid="session-review-link"
            href={hrefFor({ name: 'review-session', id: ended.id })}
            title={ended.title}
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
              e.preventDefault();
              navigate({ name: 'review-session', id: ended.id });
            }}
          >
            {t('session.review')}
          </a>
        ) : null}
        <input
          className="input"
          value={title}
          placeholder={t('session.titlePlaceholder')}
          aria-label={t('session.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          disabled={disabled}
        />
        <select className="input session-plan" aria-label={t('plans.sessionPlan')} value={planId} onChange={(e) => setPlanId(e.target.value)} disabled={disabled}>
          <option value="">{t('plans.noPlan')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button className="btn btn-primary" type="submit" disabled={disabled || !title.trim()}>
          {t('session.start')}
        </button>
      </form>
    );
  }

  return (
    <div className="session-live" data-testid="session-live">
      <span className="session-dot" aria-hidden />
      <span className="session-title" title={session.title}>
        {session.title}
      </span>
      <SessionClock startedAt={session.startedAt} />
      <button className="btn btn-danger-outline" type="button" disabled={disabled} onClick={() => setConfirming(true)}>
        {t('session.end')}
      </button>
      <ConfirmDialog
        open={confirming}
        danger
        title={t('session.endTitle')}
        confirmLabel={t('session.endConfirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          const { id, title: endedTitle } = session;
          void run({ type: 'session.end', confirm: true }).then((ok) => ok && setEnded({ id, title: endedTitle }));
        }}
      >
        {t('session.endBody', { title: session.title })}
      </ConfirmDialog>
    </div>
  );
}

function SessionClock({ startedAt }: { startedAt: number }) {
  const now = useNow();
  return (
    <span className="session-clock mono" aria-label="session clock">
      {formatClock(now - startedAt)}
    </span>
  );
}
