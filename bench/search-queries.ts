import type { GeneratedLetter } from './letter-generator';
import { Random } from './random';

export type QueryClass = '二字词' | '四字词' | '两个词' | '人名' | '非常规切分' | '号码' | '仅筛选';

/** The search bench's queries of each class (25 each), drawn from the generated letters themselves. */
export function queriesFor(letters: GeneratedLetter[], random = new Random(5)): Record<QueryClass, string[]> {
  const text = (): string => random.pick(letters).text;
  const hanSlice = (length: number): string => {
    for (;;) {
      const source = text();
      const start = random.int(0, source.length - length);
      const slice = source.slice(start, start + length);
      if (new RegExp(`^\\p{Script=Han}{${length}}$`, 'u').test(slice)) return slice;
    }
  };
  const n = 25;
  const many = (make: () => string) => Array.from({ length: n }, make);
  const two = ['人才', '教育', '交通', '医疗', '落实', '养老', '资金', '政策', '企业', '农村'];
  const four = [
    '人才公寓',
    '乡村振兴',
    '营商环境',
    '基层治理',
    '产业发展',
    '公共服务',
    '城乡建设',
    '生态环境',
  ];
  return {
    二字词: many(() => random.pick(two)),
    四字词: many(() => random.pick(four)),
    两个词: many(() => `${random.pick(two)} ${random.pick(four)}`),
    人名: many(() => random.pick(letters).facts.proposer),
    非常规切分: many(() => hanSlice(3)),
    号码: many(() => random.pick(letters).facts.proposalNumber),
    仅筛选: many(() => `年:${random.int(2014, 2025)} 类别:${random.pick(['A', 'B', 'C'])}`),
  };
}
