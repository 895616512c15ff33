// Number formats shared by the tables and messages.

/** 200000 → "200K", 1000000 → "1M", 8192 → "8,192". */
export function formatTokens(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}K`;
  return n.toLocaleString('en-US');
}

/** Dollars per 1M tokens: "$3", "$0.25", "$16.50". */
export function formatPricePerMillion(usd: number): string {
  return Number.isInteger(usd) ? `$${usd}` : `$${usd.toFixed(usd < 1 ? 3 : 2).replace(/(\.\d\d)0$/, '$1')}`;
}
