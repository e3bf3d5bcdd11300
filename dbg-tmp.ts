import { readFileSync } from 'node:fs';
import { layoutOf } from './electron/engine/letter/layout';
const t = readFileSync(process.argv[2]!, 'utf8');
const l = layoutOf(t);
console.log({ headerEnd: l.headerEnd, kinds: l.headerKinds, title: l.title, bodyStart: l.bodyStart, closingStart: l.closingStart, addressee: l.addressee, date: l.date });
