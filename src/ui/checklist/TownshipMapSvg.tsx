// The township's checklist map as plain SVG (geometry from core/export/townshipMap.ts): the county
// outline and the villages as numbered dots (leaders to the true spots of dots moved apart) with a
// scale bar on the map; beside it, so nothing covers a dot, an inset of the whole county (the
// map's part framed) and the north arrow.
import type { TownshipMap } from '../../core/export/townshipMap';

const DOT_RADIUS = 8;
const GAP = 10;

export function TownshipMapSvg({ map, label, north }: { map: TownshipMap; label: string; north: string }) {
  const { widthPx: width, heightPx: height, scaleBar, inset } = map;
  const total = width + GAP + inset.widthPx;
  return (
    <svg
      className="checklist-svg"
      viewBox={`0 0 ${total} ${height}`}
      role="img"
      aria-label={label}
      data-testid="checklist-map"
    >
      {/* A nested svg clips the county outline to the map's frame. */}
      <svg width={width} height={height}>
        <rect className="paper" width={width} height={height} />
        <path className="county" d={map.outline} fillRule="evenodd" />
        {/* A dot moved off its village (so numbers do not overlap) keeps a leader to the true spot. */}
        {map.dots
          .filter((dot) => Math.hypot(dot.x - dot.anchorX, dot.y - dot.anchorY) > 0.5)
          .map((dot) => (
            <g key={dot.number} className="leader">
              <line x1={dot.anchorX} y1={dot.anchorY} x2={dot.x} y2={dot.y} />
              <circle cx={dot.anchorX} cy={dot.anchorY} r={1.8} />
            </g>
          ))}
        {map.dots.map((dot) => (
          <g key={dot.number} className="dot" data-number={dot.number}>
            <circle cx={dot.x} cy={dot.y} r={DOT_RADIUS} />
            <text x={dot.x} y={dot.y} dy="0.35em" textAnchor="middle">
              {dot.number}
            </text>
          </g>
        ))}
        <g className="scale" transform={`translate(12 ${height - 24})`}>
          <rect width={scaleBar.lengthPx / 2} height={5} className="dark" />
          <rect x={scaleBar.lengthPx / 2} width={scaleBar.lengthPx / 2} height={5} className="light" />
          <text x={0} y={16} textAnchor="middle">
            0
          </text>
          <text x={scaleBar.lengthPx} y={16} textAnchor="middle">
            {scaleBar.label}
          </text>
        </g>
        <rect className="frame" x={0.5} y={0.5} width={width - 1} height={height - 1} />
      </svg>
      <g transform={`translate(${width + GAP} 0)`}>
        <svg width={inset.widthPx} height={inset.heightPx}>
          <rect className="paper" width={inset.widthPx} height={inset.heightPx} />
          <path className="inset-county" d={inset.outline} fillRule="evenodd" />
          <rect className="inset-frame" {...inset.frame} />
          <rect className="frame" x={0.5} y={0.5} width={inset.widthPx - 1} height={inset.heightPx - 1} />
        </svg>
        <g className="north" transform={`translate(${inset.widthPx / 2} ${inset.heightPx + 16})`}>
          <path d="M0 0 L9 26 L0 20 L-9 26 Z" />
          <text x={0} y={42} textAnchor="middle">
            {north}
          </text>
        </g>
      </g>
    </svg>
  );
}
