import { useEffect, useRef, type ReactNode } from 'react';

/** Opens and closes a native <dialog> as a modal with `open`: focus is trapped and Escape reaches onCancel. */
export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

/** A modal for editors (devices, cues): its content mounts only while open, so closed forms hold no state. */
export function Modal({ open, title, onClose, children, testId, wide }: { open: boolean; title: string; onClose(): void; children: ReactNode; testId?: string; wide?: boolean }) {
  const ref = useModal(open);
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
