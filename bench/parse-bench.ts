import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLetter } from '../electron/engine/letter/parse-letter';
import { median, percentile, timeMs } from './stats';

/** Parse time per letter: the corpus letters as they are, and one long letter of 10,000 characters. */
export function benchParse(corpusDir: string): string[] {
  const lines: string[] = ['## 解析（parseLetter）'];
  const letters = existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => readFileSync(join(corpusDir, name), 'utf8'))
    : [];
  if (letters.length === 0) {
    lines.push(`跳过语料测量：未找到 ${corpusDir}`);
  } else {
    for (const letter of letters) parseLetter(letter);
    const samples: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      for (const letter of letters) samples.push(timeMs(() => parseLetter(letter)));
    }
    lines.push(
      `语料 ${letters.length} 封：中位数 ${median(samples).toFixed(3)} ms，p95 ${percentile(samples, 95).toFixed(3)} ms`,
    );
  }
  const long = longLetter();
  for (let warm = 0; warm < 20; warm += 1) parseLetter(long);
  const longSamples = Array.from({ length: 200 }, () => timeMs(() => parseLetter(long)));
  lines.push(
    `${long.length} 字的长回函：中位数 ${median(longSamples).toFixed(3)} ms，p95 ${percentile(longSamples, 95).toFixed(3)} ms`,
  );
  return lines;
}

function longLetter(): string {
  const paragraph =
    '我局高度重视，结合全市人才工作实际，会同相关部门认真研究办理，积极推进人才公寓建设和人才服务保障工作。';
  const body: string[] = [
    '关于市政协五届四次会议第018号提案办理情况的函',
    '达市组函〔2024〕53号',
    '乐芳均委员:',
  ];
  while (body.join('\n').length < 9_000) body.push(paragraph);
  body.push('二、下一步工作打算', '一是年底前建成人才公寓200套。', '二是力争1年内完善配套服务。');
  body.push('中共达州市委组织部', '2024年6月14日', '联系人:张三 联系电话:0818-2123456');
  const text = body.join('\n');
  return text.length >= 10_000 ? text.slice(0, 10_000) : text.padEnd(10_000, '。');
}
