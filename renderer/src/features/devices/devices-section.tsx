import { LightsPanel } from './lights-panel.js';
import { ScalePanel } from './scale-panel.js';
import './devices.css';

export { DevicesPanel } from './device-list.js';

/** The live weight and the light cues, under the scenes: what the field controller acts on mid-show. */
export function ScaleAndLights({ disabled }: { disabled: boolean }) {
  return (
    <>
      <ScalePanel disabled={disabled} />
      <LightsPanel disabled={disabled} />
    </>
  );
}
