// The side panel's frame. On a wide screen it is the panel beside the map. Below 600 px (PHONE_QUERY,
// the field crews' phones) it is a bottom sheet over a full-screen map with three heights: collapsed
// (the handle: title and a one-line summary), half and full. Tapping the handle toggles collapsed and
// half, the three buttons pick a height, the arrow keys step on the handle, and dragging the handle
// snaps to the nearest height.
//
// Rules relied on: the heights are registered CSS lengths (`--sheet-collapsed|half|full` in
// styles.css) that also lift the year slider and the map's controls above the sheet; a drag sets
// `--sheet-height` on the sheet's parent (the page's `.app`) while it lasts. The content is one
// element tree in both layouts, so turning a phone keeps the open tab and what was typed; content
// the collapsed sheet hides is inert.
import { useRef, useState, useSyncExternalStore, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Must match the phone @media rule in styles.css. */
export const PHONE_QUERY = '(max-width: 599.98px)';
export type SheetState = 'collapsed' | 'half' | 'full';
const STATES: SheetState[] = ['collapsed', 'half', 'full'];
/** A handle moved less than this is a tap, not a drag. */
const DRAG_THRESHOLD_PX = 6;
/** The click a pointer sends when a drag ends on the handle comes within this time: it is not a tap. */
const CLICK_AFTER_DRAG_MS = 400;

let phoneQuery: MediaQueryList | undefined;
const phoneMedia = () => (phoneQuery ??= matchMedia(PHONE_QUERY));
const subscribePhone = (notify: () => void) => {
  phoneMedia().addEventListener('change', notify);
  return () => phoneMedia().removeEventListener('change', notify);
};
const usePhone = () => useSyncExternalStore(subscribePhone, () => phoneMedia().matches);

interface Drag {
  pointerId: number;
  startY: number;
  startHeight: number;
  moved: boolean;
}

export function BottomSheet(props: { title: ReactNode; summary: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [state, setState] = useState<SheetState>('half');
  const panel = useRef<HTMLElement>(null);
  const drag = useRef<Drag | null>(null);
  const dragEndedAt = useRef(-Infinity);
  const expanded = state !== 'collapsed';
  const step = (by: number) =>
    setState(STATES[Math.min(STATES.length - 1, Math.max(0, STATES.indexOf(state) + by))]);

  const page = () => panel.current?.parentElement ?? null;
  const heightOf = (name: SheetState) =>
    parseFloat(getComputedStyle(page()!).getPropertyValue(`--sheet-${name}`)) || 0;
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    if (!e.isPrimary || !panel.current) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = {
      pointerId: e.pointerId,
      startY: e.clientY,
      startHeight: panel.current.getBoundingClientRect().height,
      moved: false,
    };
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== e.pointerId) return;
    const dy = current.startY - e.clientY;
    if (!current.moved && Math.abs(dy) < DRAG_THRESHOLD_PX) return;
    current.moved = true;
    panel.current!.dataset.dragging = 'true';
    const height = Math.min(heightOf('full'), Math.max(heightOf('collapsed'), current.startHeight + dy));
    page()!.style.setProperty('--sheet-height', `${height}px`);
  };
  const endDrag = (e: PointerEvent<HTMLButtonElement>, snap: boolean) => {
    const current = drag.current;
    if (!current || current.pointerId !== e.pointerId) return;
    drag.current = null;
    if (!current.moved) return;
    dragEndedAt.current = performance.now();
    const height = panel.current!.getBoundingClientRect().height;
    if (snap) {
      const distance = (name: SheetState) => Math.abs(heightOf(name) - height);
      setState(STATES.reduce((best, name) => (distance(name) < distance(best) ? name : best)));
    }
    delete panel.current!.dataset.dragging;
    page()!.style.removeProperty('--sheet-height');
  };

  return (
    <aside className="side-panel" ref={panel} data-sheet={phone ? state : undefined}>
      {phone && (
        <div className="sheet-bar">
          <button
            type="button"
            className="sheet-handle"
            aria-expanded={expanded}
            aria-controls="panel-body"
            title={expanded ? t('phone.sheetCollapse') : t('phone.sheetExpand')}
            data-testid="sheet-handle"
            onClick={() => {
              if (performance.now() - dragEndedAt.current < CLICK_AFTER_DRAG_MS) return;
              setState(state === 'half' ? 'collapsed' : 'half');
            }}
            onKeyDown={(e) => {
              const by = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
              if (!by) return;
              e.preventDefault();
              step(by);
            }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={(e) => endDrag(e, true)}
            onPointerCancel={(e) => endDrag(e, false)}
          >
            <span className="sheet-grip" aria-hidden="true" />
            <span className="visually-hidden">
              {expanded ? t('phone.sheetCollapse') : t('phone.sheetExpand')}
            </span>
            <span className="sheet-title">{props.title}</span>
            <span className="sheet-summary">{props.summary}</span>
          </button>
          <div className="sheet-sizes" role="group" aria-label={t('phone.sheetSizes')}>
            {STATES.map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={state === name}
                aria-controls="panel-body"
                data-testid={`sheet-${name}`}
                onClick={() => setState(name)}
              >
                {t(`phone.sheet.${name}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="panel-body" id="panel-body" inert={phone && !expanded}>
        {props.children}
      </div>
    </aside>
  );
}
