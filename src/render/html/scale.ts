// Scales and ticks for the hand-drawn charts: map data values onto pixel ranges and pick round
// tick values, so that every chart shares one way of deciding where the gridlines go.

/** Maps a data value to a pixel position. */
export type Scale = (value: number) => number;

/**
 * A straight-line map from [domainMin, domainMax] onto [rangeFrom, rangeTo]. A zero-width domain
 * maps everything to the start of the range instead of dividing by zero.
 */
export function linearScale(
  [domainMin, domainMax]: readonly [number, number],
  [rangeFrom, rangeTo]: readonly [number, number],
): Scale {
  const span = domainMax - domainMin;
  if (span === 0) return () => rangeFrom;
  return (value) => rangeFrom + ((value - domainMin) / span) * (rangeTo - rangeFrom);
}

/**
 * A base-10 logarithmic map; values at or below `domainMin` sit on the range's start, so a
 * 0 ms sample stays on the chart rather than vanishing into -Infinity.
 */
export function logScale(
  [domainMin, domainMax]: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const toLinear = linearScale([Math.log10(domainMin), Math.log10(domainMax)], range);
  return (value) => toLinear(Math.log10(Math.max(value, domainMin)));
}

/** A round step (1, 2 or 5 times a power of ten) giving about `targetCount` intervals. */
export function niceStep(span: number, targetCount: number): number {
  if (span <= 0) return 1;
  const rough = span / targetCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= rough) ?? 10;
  return multiple * power;
}

/** Round ticks from 0 up to the first one at or above `maxValue`, about `targetCount` of them. */
export function linearTicks(maxValue: number, targetCount: number): number[] {
  const step = niceStep(maxValue, targetCount);
  const ticks = [0];
  while (ticks[ticks.length - 1] < maxValue) {
    // Multiplying instead of adding keeps 0.1 + 0.2 style drift out of the labels.
    ticks.push(step * ticks.length);
  }
  return ticks;
}

/** Powers of ten from `minValue`'s decade to the first at or above `maxValue`. */
export function logTicks(minValue: number, maxValue: number): number[] {
  const ticks = [10 ** Math.floor(Math.log10(minValue))];
  while (ticks[ticks.length - 1] < maxValue) {
    ticks.push(ticks[ticks.length - 1] * 10);
  }
  return ticks;
}
