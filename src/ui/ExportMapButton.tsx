// The header's 导出地图 button. Its dialog (ExportDialog.tsx) loads when first opened, and the
// renderer, composer and PDF writer when first used (exportMapFile.ts): none is on the first screen.
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { onDemand } from './lazyPanels';

const ExportDialog = onDemand(() => import('./ExportDialog').then((m) => m.ExportDialog), true);

export function ExportMapButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        onClick={() => setOpen(true)}
        onPointerEnter={ExportDialog.preload}
        onFocus={ExportDialog.preload}
        aria-haspopup="dialog"
      >
        {t('export.open')}
      </button>
      {open &&
        createPortal(
          <ExportDialog
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />,
          document.body,
        )}
    </>
  );
}
