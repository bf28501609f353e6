// The team dialogs' frame: a real modal <dialog> (shown with showModal, so it sits in the top layer,
// traps focus and closes with Escape) and the words for a failed request.
//
// Rules relied on: the server's refusals already carry a message in the user's language, shown as
// they are; only a network failure ('offline') and a lock-out get words of our own.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamError } from '../../state/team';

export function ModalDialog({
  titleId,
  testId,
  className = '',
  onClose,
  children,
}: {
  titleId: string;
  testId: string;
  className?: string;
  /** Absent: the dialog cannot be dismissed (a step that must be done). */
  onClose?: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`team-dialog ${className}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      {children}
    </dialog>
  );
}

/** A failed request in words, with a hint of our own for a lock-out or a lost connection. */
export function TeamErrorText({ error }: { error: TeamError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid="team-error">
      {error.code === 'offline' ? t('team.offlineError') : error.message}
      {error.code === 'account-locked' && (
        <>
          <br />
          <span className="small">{t('team.locked')}</span>
        </>
      )}
    </p>
  );
}
