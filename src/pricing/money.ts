// Exact money arithmetic for prices and costs, and the one dollar formatter.
//
// Rounding rule (the README documents it):
//   - A price per 1M tokens is turned into picodollars (10^-12 USD) per token: price × 10^6, exact
//     for any price with up to 6 decimals (the catalog's have at most 4).
//   - A line costs tokens × that, an integer number of picodollars: exact, no rounding at all.
//     Totals are sums of lines; a workload multiplies the exact total by the request count.
//   - Only a division (requests per month ÷ 30 days) rounds, half up, to the picodollar.
//   - Dollars leave this module as the double nearest to the exact decimal (what JSON carries),
//     and the display rounds half away from zero to cents (≥ $1) or 3 significant digits (< $1).
import { formatNumber } from '../render/format.js';
export type Pico = bigint;

const PICO_DIGITS = 12;
const PICO_PER_USD = 10n ** BigInt(PICO_DIGITS);

/** $3 per 1M tokens → 3,000,000 picodollars per token. */
export function picoPerToken(pricePerMillion: number): Pico {
  return BigInt(Math.round(pricePerMillion * 1e6));
}

export function lineCost(tokens: number, pricePerMillion: number): Pico {
  return BigInt(tokens) * picoPerToken(pricePerMillion);
}

/** The double nearest to the exact decimal amount. */
export function picoToUsd(pico: Pico): number {
  return Number(picoToDecimal(pico));
}

/** 52800000000n → "0.052800000000". */
export function picoToDecimal(pico: Pico): string {
  const negative = pico < 0n;
  const digits = (negative ? -pico : pico).toString().padStart(PICO_DIGITS + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -PICO_DIGITS)}.${digits.slice(-PICO_DIGITS)}`;
}

/** A dollar amount (a number, or a decimal string such as "5000.50") in picodollars, half up. */
export function usdToPico(usd: number | string): Pico {
  const text = typeof usd === 'number' ? usd.toFixed(PICO_DIGITS) : usd.trim();
  const match = text.match(/^(-?)(\d*)(?:\.(\d*))?$/);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`not a dollar amount: "${text}"`);
  const [, sign, whole = '', fraction = ''] = match;
  let pico = BigInt(whole || '0') * PICO_PER_USD + BigInt(fraction.slice(0, PICO_DIGITS).padEnd(PICO_DIGITS, '0'));
  if ((fraction[PICO_DIGITS] ?? '0') >= '5') pico += 1n;
  return sign === '-' ? -pico : pico;
}

/** value × numerator ÷ denominator, rounded half up (for non-negative values). */
export function mulDiv(value: Pico, numerator: bigint, denominator: bigint): Pico {
  const product = value * numerator;
  const quotient = product / denominator;
  return (product % denominator) * 2n >= denominator ? quotient + 1n : quotient;
}

/**
 * Dollars for people: thousands separators and cents from $1 up ("$1,584.00"); below $1, three
 * significant digits with at least two decimals, so tiny requests stay visible ("$0.0528",
 * "$0.000123", "$0.50"). Rounds half away from zero.
 */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs === 0) return '$0.00';
  if (abs >= 0.995) return `${sign}$${formatNumber(abs, 2, 2)}`;
  const decimals = Math.min(12, Math.max(2, 2 - Math.floor(Math.log10(abs))));
  const text = formatNumber(abs, 2, decimals);
  return `${sign}$${text}`;
}

/** A price per 1M tokens as given, at least two decimals: "$3.00", "$0.3125", "$6.875". */
export function formatRate(pricePerMillion: number): string {
  return `$${formatNumber(pricePerMillion, 2, 6)}`;
}
