import { translator, type Lang } from '../lib/i18n.js';
import { formatWeight, showsWeight } from '../lib/weight.js';
import { useOverlayStore } from './overlay-store.js';

/**
 * The live weight beside the product card (现场称重): shown only while a card is on screen and a scale
 * reports a weight. A settling weight is dimmed and says so; an overload says so and shows no number.
 */
export function WeightBadge({ lang }: { lang: Lang }) {
  const scale = useOverlayStore((s) => s.state?.scale);
  const onScreen = useOverlayStore((s) => s.cards.some((c) => !c.leaving));
  if (!onScreen || !showsWeight(scale)) return null;
  const t = translator(lang);
  const weight = scale.status === 'overload' ? null : formatWeight(scale, t);
  return (
    <div className={`weight-badge weight-${scale.status}`} data-testid="overlay-weight" data-status={scale.status} data-grams={scale.grams ?? ''}>
      {weight ? (
        <span className="weight-value">
          <span className="weight-amount">{weight.amount}</span>
          <span className="weight-unit">{weight.unit}</span>
        </span>
      ) : (
        <span className="weight-note">{t('weight.overload')}</span>
      )}
      {scale.status === 'unstable' ? <span className="weight-note">{t('weight.weighing')}</span> : null}
    </div>
  );
}
