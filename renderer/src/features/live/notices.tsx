import { useDeskStore } from '../../stores/desk-store.js';
import { actionName } from '../../lib/describe-event.js';
import { useT } from '../../stores/prefs-store.js';

/** Refused or failed actions, briefly, where the operator is looking: never silently dropped. */
export function Notices() {
  const t = useT();
  const notices = useDeskStore((s) => s.notices);
  const dismiss = useDeskStore((s) => s.dismiss);
  if (!notices.length) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <button key={n.id} type="button" className="notice" onClick={() => dismiss(n.id)}>
          {t('action.failed', { action: actionName(t, n.action), message: n.message })}
        </button>
      ))}
    </div>
  );
}
