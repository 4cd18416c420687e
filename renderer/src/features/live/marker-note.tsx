import { useState } from 'react';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';

/** A marker in the controller's own words (“主播口误”, “库存告急”), logged for review like the presets. */
export function MarkerNote({ disabled }: { disabled: boolean }) {
  const t = useT();
  const live = useDeskStore((s) => s.state?.session?.status === 'live');
  const run = useDeskStore((s) => s.run);
  const [text, setText] = useState('');
  const off = disabled || !live;
  return (
    <form
      className="marker-note"
      data-testid="marker-note"
      onSubmit={(e) => {
        e.preventDefault();
        const label = text.trim();
        if (!label) return;
        void run({ type: 'session.mark', label }).then((ok) => ok && setText(''));
      }}
    >
      <input className="input input-small" value={text} maxLength={200} placeholder={t('mark.notePlaceholder')} aria-label={t('mark.notePlaceholder')} disabled={off} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="btn btn-small" disabled={off || !text.trim()}>
        {t('mark.add')}
      </button>
    </form>
  );
}
