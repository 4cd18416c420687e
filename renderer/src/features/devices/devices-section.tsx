import { DevicesPanel } from './device-list.js';
import { LightsPanel } from './lights-panel.js';
import { ScalePanel } from './scale-panel.js';
import './devices.css';

/** Scale, lights and the device list, under the virtual deck in the console's right column. */
export function DevicesSection({ disabled }: { disabled: boolean }) {
  return (
    <>
      <ScalePanel disabled={disabled} />
      <LightsPanel disabled={disabled} />
      <DevicesPanel disabled={disabled} />
    </>
  );
}
