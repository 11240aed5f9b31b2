// Axis ticks at "nice" steps (1, 2 or 5 × 10^k yuan): 0 / 500万 / 1000万, never 350万 / 1050万.
// Integer fen in, integer fen out; the axis shows exactly these values.

const YUAN = 100;

/** Ticks covering [min, max] (fen) with about `count` intervals; always includes 0 when the range does. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, Math.floor(min));
  const hi = Math.max(0, Math.ceil(max));
  if (hi === lo) return [0, YUAN];
  const raw = (hi - lo) / count;
  let step = YUAN;
  // smallest 1/2/5 × 10^k yuan step not below the raw step
  for (let p = YUAN; ; p *= 10) {
    const s = [p, 2 * p, 5 * p].find((c) => c >= raw);
    if (s !== undefined) {
      step = s;
      break;
    }
  }
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= last; v += step) ticks.push(v === 0 ? 0 : v);
  return ticks;
}

/** Month label for the trend axis: the year on the first point and on January, else the month alone. */
export function trendMonthLabel(month: string, index: number, lang: 'zh-CN' | 'en'): string {
  const [y, m] = month.split('-');
  const withYear = index === 0 || m === '01';
  if (lang === 'zh-CN') return withYear ? `${y}年${Number(m)}月` : `${Number(m)}月`;
  const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1] ?? m;
  return withYear ? `${name} ${y}` : name;
}
