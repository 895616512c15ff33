import { expect, it } from 'vitest';
import { formatNumber } from '../../src/render/format.js';
it.each([[1234567,0,0],[0,0,0],[12.5,0,2],[1440,2,2],[0.0528,2,4],[0.000123,2,6],[6.875,2,6],[3,2,6],[0.3125,2,6],[1.005,2,2],[2.675,2,2],[1584,2,2],[123.456,1,1],[-5.5,0,2],[-0.001,2,2],[999.995,2,2],[0.995,2,2],[1e-7,2,12],[16335.000000001,2,2]] as const)('%d (%d..%d) matches Intl', (n, a, b) => {
  expect(formatNumber(n, a, b)).toBe(new Intl.NumberFormat('en-US', { minimumFractionDigits: a, maximumFractionDigits: b }).format(n));
});
