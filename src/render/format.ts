// Number formats shared by the tables and messages.

/** 200000 → "200K", 1000000 → "1M", 8192 → "8,192". */
export function formatTokens(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}K`;
  return formatNumber(n);
}

/** Dollars per 1M tokens: "$3", "$0.25", "$16.50". */
export function formatPricePerMillion(usd: number): string {
  return Number.isInteger(usd) ? `$${usd}` : `$${usd.toFixed(usd < 1 ? 3 : 2).replace(/(\.\d\d)0$/, '$1')}`;
}

/**
 * en-US number formatting ("1,234.5") without Intl: the first Intl or toLocaleString call costs
 * about 20 ms, more than the rest of an offline command. Rounds half up on the shortest decimal
 * form of the number, as Intl does (1.005 → "1.01"); trailing zeros are trimmed to `minFraction`.
 */
export function formatNumber(n: number, minFraction = 0, maxFraction = minFraction): string {
  const fixed = roundDecimal(Math.abs(n), maxFraction);
  let [whole = '0', fraction = ''] = fixed.split('.');
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const sign = n < 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** `digits` decimals, rounded half up on the shortest decimal string of a non-negative number. */
function roundDecimal(abs: number, digits: number): string {
  const text = String(abs);
  if (text.includes('e')) return abs.toFixed(digits);
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length <= digits) return digits > 0 ? `${whole}.${fraction.padEnd(digits, '0')}` : whole;
  const rounded = (BigInt(whole + fraction.slice(0, digits)) + ((fraction[digits] ?? '0') >= '5' ? 1n : 0n)).toString().padStart(digits + 1, '0');
  return digits > 0 ? `${rounded.slice(0, -digits)}.${rounded.slice(-digits)}` : rounded;
}
