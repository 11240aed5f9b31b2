// Chinese capital amount (中文大写金额) from integer fen, as written on statements, receipts
// and bills. Rules from 中国人民银行《支付结算办法》附件《正确填写票据和结算凭证的基本规定》:
//  - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, money units 元角分;
//  - 10 is written 壹拾 (never 拾) so nothing can be written in front of it;
//  - zeros between digits are written as one 零 (1409 壹仟肆佰零玖, 6007 陆仟零柒);
//  - 角 is 0 but 分 is not: 零 after 元 (16409.02 壹万陆仟肆佰零玖元零贰分) — mandatory;
//  - where the rules allow 零 or nothing (万位/元位 is 0 but 千位/角位 is not) we follow the
//    first form of the PBOC examples: 107000.53 壹拾万柒仟元零伍角叁分, 1680.32
//    壹仟陆佰捌拾元零叁角贰分. I.e. no 零 when the zeros only close the 万 (or 亿) group and the
//    next group starts with a non-zero 千; 零 when a group starts with zeros or a whole group is
//    zero (1,0000,1000 壹亿零壹仟); 零 after 元 whenever the 元 digit or the 角 digit is 0 and a
//    角/分 follows;
//  - 整 follows 元 when there is no 角 and 分, and (by default, option `zhengAfterJiao`) follows
//    角 when there is no 分 — the rules allow 整 after 角 and it blocks additions; never after 分;
//  - an amount below one yuan has no 元 part: 0.05 伍分, 0.50 伍角整; zero is 零元整;
//  - negative amounts are prefixed 负.
// 万亿 is used above 亿 (1,0000,0000,0000 壹万亿), as banks print it.

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];

export interface CapitalAmountOptions {
  /** Write 整 after 角 when there is no 分 (default true): 壹元伍角整. */
  zhengAfterJiao?: boolean;
}

/** 1…9999 without leading 零; inner zero runs become one 零. */
function group4(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + SMALL_UNITS[pos];
  }
  return out;
}

/** Positive integer yuan in words, without 元. */
function integerWords(n: number): string {
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const low = n % 1e8;
    // The low part (below 亿) needs 零 when it starts with a zero digit (its 千万 is 0).
    return integerWords(high) + '亿' + (low === 0 ? '' : (low < 1e7 ? '零' : '') + integerWords(low));
  }
  if (n >= 1e4) {
    const high = Math.floor(n / 1e4);
    const low = n % 1e4;
    return group4(high) + '万' + (low === 0 ? '' : (low < 1e3 ? '零' : '') + group4(low));
  }
  return group4(n);
}

/** 大写金额 of an integer number of fen, e.g. 123456 → 壹仟贰佰叁拾肆元伍角陆分. */
export function capitalAmount(fen: number, opts: CapitalAmountOptions = {}): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) {
    throw new TypeError(`capitalAmount needs an integer number of fen, got ${String(fen)}`);
  }
  const zhengAfterJiao = opts.zhengAfterJiao ?? true;
  if (fen === 0) return '零元整';
  const sign = fen < 0 ? '负' : '';
  const a = Math.abs(fen);
  const yuan = (a - (a % 100)) / 100;
  const jiao = Math.floor((a % 100) / 10);
  const fenDigit = a % 10;

  let out = '';
  if (yuan > 0) {
    out += integerWords(yuan) + '元';
    if (jiao === 0 && fenDigit === 0) return sign + out + '整';
    // 元 digit 0 (…拾元叁角) or 角 0 (…元零贰分): 零 after 元.
    if (yuan % 10 === 0 || jiao === 0) out += '零';
  }
  if (jiao > 0) out += DIGITS[jiao] + '角';
  if (fenDigit > 0) out += DIGITS[fenDigit] + '分';
  else if (zhengAfterJiao) out += '整';
  return sign + out;
}
