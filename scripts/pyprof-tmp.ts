import fs from 'node:fs';
import { pinyinKeys } from '../main/domain/pinyin-search';
const names = fs.readFileSync('/tmp/polish-bench/import/customers.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[1]);
pinyinKeys('预热');
const c = process.cpuUsage();
for (const n of names) pinyinKeys(n);
const u = process.cpuUsage(c);
console.log('cpu ms', Math.round((u.user + u.system) / 1000));
