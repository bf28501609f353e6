// Fixed-height row windowing for a scrolling table: only the rows in view (plus a margin) are
// rendered, and two spacer heights stand in for the rest, so a few thousand rows cost the same
// as thirty. Below `threshold` rows every row is rendered, which keeps short lists searchable
// with the browser's find and simple for tests. Relies on every row being `rowHeightPx` tall
// (the stylesheet fixes it).
import { useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import { PHONE_QUERY } from './BottomSheet';

const OVERSCAN_ROWS = 8;
/** In phone mode styles.css draws the windowed tables' rows this tall, for touch. */
const TOUCH_ROW_PX = 44;

export function useRowWindow(rowCount: number, rowHeightPx: number, threshold = 60) {
  if (globalThis.matchMedia?.(PHONE_QUERY).matches) rowHeightPx = Math.max(rowHeightPx, TOUCH_ROW_PX);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) setView({ top: element.scrollTop, height: element.clientHeight });
  }, [rowCount]);
  const onScroll = (event: UIEvent<HTMLDivElement>) =>
    setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight });

  if (rowCount <= threshold)
    return { scroller, onScroll, start: 0, end: rowCount, padTopPx: 0, padBottomPx: 0 };
  const start = Math.max(0, Math.floor(view.top / rowHeightPx) - OVERSCAN_ROWS);
  const visibleRows = Math.ceil((view.height || 20 * rowHeightPx) / rowHeightPx);
  const end = Math.min(rowCount, start + visibleRows + 2 * OVERSCAN_ROWS);
  return {
    scroller,
    onScroll,
    start,
    end,
    padTopPx: start * rowHeightPx,
    padBottomPx: (rowCount - end) * rowHeightPx,
  };
}
