import { BindingsEditor } from './bindings-editor.js';
import { HardwarePanel } from './hardware-panel.js';
import { HotkeysPanel } from './hotkeys-panel.js';

/** Everything about buttons: the hardware, what each key does, and hotkeys. */
export function DevicesPage() {
  return (
    <main className="devices-page" data-testid="devices-page">
      <div className="col col-left">
        <HardwarePanel />
      </div>
      <div className="col col-center">
        <BindingsEditor />
      </div>
      <div className="col col-right">
        <HotkeysPanel />
      </div>
    </main>
  );
}
