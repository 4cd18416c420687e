import { useEffect, useRef, type ReactNode } from 'react';

/** A modal on the native <dialog> (focus trapped, Escape closes), for the device and cue editors. */
export function Modal({ open, title, onClose, children, testId, wide }: { open: boolean; title: string; onClose(): void; children: ReactNode; testId?: string; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`confirm-dialog device-modal ${wide ? 'device-modal-wide' : ''}`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h3>{title}</h3>
      {open ? children : null}
    </dialog>
  );
}
