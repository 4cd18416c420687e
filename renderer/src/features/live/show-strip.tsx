import { FlashSalePanel, MarkBar } from './flash-sale-panel.js';
import { MarkerNote } from './marker-note.js';
import { PlanRunPanel } from './plan-run.js';

/** The show beside the numbers: the plan's progress, the flash sale, and markers for review. */
export function ShowStrip({ disabled }: { disabled: boolean }) {
  return (
    <div className="show-strip">
      <PlanRunPanel disabled={disabled} />
      <div className="show-side">
        <FlashSalePanel disabled={disabled} />
        <MarkBar disabled={disabled} />
        <MarkerNote disabled={disabled} />
      </div>
    </div>
  );
}
