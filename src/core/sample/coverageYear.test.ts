import { describe, expect, test } from 'vitest';
import { bandClassCode } from '../coverage/radius';
import type { StationColumns } from '../coverage/types';
import { firstCoveredYear } from './coverageYear';

// Stations along the parallel 26°N, where 0.01° of longitude is ~1,000 m.
const stations: StationColumns = {
  lon: Float64Array.of(106.0, 106.1, 106.1, 106.2, 106.3),
  lat: Float64Array.of(26, 26, 26, 26, 26),
  bandClass: Uint8Array.of(
    bandClassCode('5G-mid'),
    bandClassCode('5G-mid'),
    bandClassCode('5G-low'),
    bandClassCode('4G-mid'),
    bandClassCode('5G-mid'),
  ),
  buildYear: Int16Array.of(2022, 2024, 2021, 2019, 0),
};
const radiiMeters = Float32Array.of(1_500, 1_500, 300, 50_000, 500);
const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('firstCoveredYear', () => {
  test('the first year any station of the technology reaches the target, 0 when none does', () => {
    const targetLon = Float64Array.of(106.005, 106.1, 106.108, 106.25, 106.3);
    const result = firstCoveredYear(
      stations,
      radiiMeters,
      '5G',
      targetLon,
      new Float64Array(5).fill(26),
      years,
    );
    // 1: 2022 station within 1.5 km. 2: the 2021 low-band station at 0 m beats the 2024 one.
    // 3: ~800 m off: only the 2024 station's 1.5 km reaches. 4: only 4G reaches. 5: unknown year counts from the first.
    expect(Array.from(result)).toEqual([2022, 2021, 2024, 0, 2019]);
  });

  test('4G is modelled apart from 5G', () => {
    const result = firstCoveredYear(
      stations,
      radiiMeters,
      '4G',
      Float64Array.of(106.25),
      Float64Array.of(26),
      years,
    );
    expect(Array.from(result)).toEqual([2019]);
  });

  test('a station built after the last year does not count', () => {
    const result = firstCoveredYear(
      stations,
      radiiMeters,
      '5G',
      Float64Array.of(106.108),
      Float64Array.of(26),
      [2019, 2020, 2021, 2022, 2023],
    );
    expect(Array.from(result)).toEqual([0]);
  });
});
