import fs from 'node:fs';
import { fullPinyin, pinyinInitials, pinyinKeys } from '../main/domain/pinyin-search';
const names = fs.readFileSync('/tmp/polish-bench/import/customers.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[1]);
let bad = 0;
let t = performance.now();
for (const n of names) { fullPinyin(n); pinyinInitials(n); }
const old = performance.now() - t; t = performance.now();
for (const n of names) pinyinKeys(n);
const neu = performance.now() - t;
for (const n of names) { const k = pinyinKeys(n); if (k.full !== fullPinyin(n) || k.initials !== pinyinInitials(n)) { if (bad++ < 5) console.log(n, k, fullPinyin(n), pinyinInitials(n)); } }
console.log(names.length, 'bad', bad, 'old ms', Math.round(old), 'new ms', Math.round(neu));
