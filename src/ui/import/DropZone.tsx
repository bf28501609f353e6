// Drag a file anywhere onto the app to import it; an overlay says so while a file is held over it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startImportOnDemand } from './importOnDemand';

export function DropZone() {
  const { t } = useTranslation();
  const [active, setActive] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (hasFiles(e)) {
        e.preventDefault();
        setActive(true);
      }
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setActive(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setActive(false);
      const file = e.dataTransfer?.files[0];
      if (file) void startImportOnDemand(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return active ? (
    <div className="drop-zone" aria-hidden="true">
      {t('dropHint')}
    </div>
  ) : null;
}
