// Whole-book columns packed by SQLite (group_concat) and split in JS must give exactly what the
// JSON lists gave (json_group_array + JSON.parse), or null so the caller reads the JSON way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { packedIntSql, packedTextSql, unpackInts, unpackTexts } from '../../main/db/packed-columns';

function viaSqlite(ints: (number | null)[], texts: (string | null)[]) {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, i INTEGER, s TEXT)');
  const add = db.prepare('INSERT INTO t (k, i, s) VALUES (?, ?, ?)');
  ints.forEach((v, k) => add.run(k, v, texts[k]));
  const rows = 'FROM (SELECT i, s FROM t ORDER BY k)';
  const [n, pi, ps] = db
    .prepare(`SELECT count(*), ${packedIntSql('i')}, ${packedTextSql('s')} ${rows}`)
    .raw()
    .get() as [number, string | null, string | null];
  const [ji, js] = db.prepare(`SELECT json_group_array(i), json_group_array(s) ${rows}`).raw().get() as [
    string,
    string,
  ];
  db.close();
  return { n, pi, ps, ji: JSON.parse(ji) as (number | null)[], js: JSON.parse(js) as (string | null)[] };
}

describe('packed columns', () => {
  it('read integers and texts (NULL, empty, any characters) exactly as the JSON lists do', () => {
    const int = fc.oneof(fc.constant(null), fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }), fc.constant(0));
    const text = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.string({ maxLength: 8 }),
      fc.constantFrom('AAA', '2026-11-30', '=', ','),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(int, text), { maxLength: 40 }), (pairs) => {
        const { n, pi, ps, ji, js } = viaSqlite(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(n).toBe(pairs.length);
        expect(Array.from(unpackInts(pi, n)!)).toEqual(Array.from(Float64Array.from(ji as number[])));
        const texts = unpackTexts(ps, n);
        // a value holding the separator itself cannot be split exactly: null, the caller reads JSON
        if (pairs.some((p) => p[1]?.includes('\x1f'))) expect(texts).toBeNull();
        else expect(texts).toEqual(js);
      }),
      { numRuns: 300 },
    );
  });

  it('answers null for what it cannot read exactly', () => {
    expect(unpackInts('1,2.5,3', 3)).toBeNull(); // a real number
    expect(unpackInts('0.0', 1)).toBeNull(); // a whole REAL (a column without integer affinity)
    expect(unpackInts('1234567890123456', 1)).toBeNull(); // 16 digits: beyond exact digit sums
    expect(unpackInts('1,2', 3)).toBeNull(); // too few values
    expect(unpackInts('1,,2', 3)).toBeNull();
    expect(unpackInts('1e+20', 1)).toBeNull();
    expect(unpackInts(null, 1)).toBeNull();
    expect(Array.from(unpackInts('-5,0,123456789012345', 3)!)).toEqual([-5, 0, 123456789012345]);
    expect(unpackTexts('=a\x1f=b', 3)).toBeNull();
    expect(unpackTexts('=a\x1f\x1f=', 3)).toEqual(['a', null, '']);
    expect(unpackInts(null, 0)).toEqual(new Float64Array(0));
    expect(unpackTexts(null, 0)).toEqual([]);
  });
});
