// Number formats of the department's reports: counts with separators, money in 亿元, percentages to one decimal.
const count = new Intl.NumberFormat("zh-CN");
const oneDecimal = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return count.format(value);
}

export function formatPercent(value: number | undefined): string {
  return value === undefined ? "—" : `${oneDecimal.format(value)}%`;
}

/** Yuan as 亿元 (10⁸ yuan) to two decimals: the unit of the report's investment figures. */
export function formatYi(yuan: bigint): string {
  return (Number(yuan) / 1e8).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function yi(yuan: bigint): number {
  return Math.round(Number(yuan) / 1e6) / 100;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
