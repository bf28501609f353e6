// Starting an import (the data panel's file input, a file dropped on the page) loads the import
// flow, its state machine and its dialog, on first use: neither is on the first screen.
//
// Rules relied on: `started` turns true before the flow's module is asked for and never turns back,
// so the dialog (src/ui/lazyPanels.tsx) is mounted from the first import on and follows the flow's
// own state from there, as it did when it was always mounted.
import { create } from 'zustand';

export const useImportStarted = create<{ started: boolean }>()(() => ({ started: false }));

export async function startImportOnDemand(file: File): Promise<void> {
  useImportStarted.setState({ started: true });
  const { startImport } = await import('../../state/imports');
  await startImport(file);
}
