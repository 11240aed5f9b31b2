// A list of strings as one text and the end offset of each: how the customer directory's codes
// and names cross from the report worker to the main thread. Structured clone decodes a list
// of 100,000 strings one string at a time on the receiving thread (~0.1 s of the main
// thread's CPU with the first ageing after opening a 100k-customer book); one text crosses as
// one copy, and the main thread makes strings only for the customers a report lists.

export interface PackedStrings {
  text: string;
  /** end offset (UTF-16 units) in `text` of string i; string i starts where i − 1 ends */
  end: Int32Array;
}

export function packStrings(xs: readonly string[]): PackedStrings {
  const end = new Int32Array(xs.length);
  let at = 0;
  for (let i = 0; i < xs.length; i++) {
    at += xs[i].length;
    end[i] = at;
  }
  return { text: xs.join(''), end };
}

/** String i of the packed list. */
export function packedAt(p: PackedStrings, i: number): string {
  return p.text.slice(i === 0 ? 0 : p.end[i - 1], p.end[i]);
}
