import {
  CLOSINGS,
  CN_NUMBERS,
  DEPARTMENTS,
  DONE_SENTENCES,
  GIVEN,
  LEVELS,
  NEXT_STEP_SENTENCES,
  PARTY_DEPARTMENTS,
  PLACES,
  SURNAMES,
  TOPICS,
} from './letter-parts';
import { Random } from './random';

/** A generated letter and the facts it was built from (to check parsing and search against). */
export interface GeneratedLetter {
  text: string;
  paragraphs: string[];
  facts: {
    session: string;
    proposalNumber: string;
    issuer: string;
    docNumber: string;
    proposer: string;
    proposalTitle: string;
    date: string;
    category: string;
  };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/gu, (_, key: string) => values[key] ?? '');
}

/**
 * One realistic letter (1,500–8,000 characters), deterministic for (seed, index): header with doc
 * number and category, a title naming session and number, addressee, receipt sentence, numbered parts,
 * next steps with 一是/二是 commitments, closing, signature, date, contact footer and 抄送.
 */
export function generateLetter(seed: number, index: number): GeneratedLetter {
  const random = new Random(seed * 1_000_003 + index);
  const place = random.pick(PLACES);
  const level = random.pick(LEVELS);
  const isCppcc = random.chance(0.55);
  const term = random.int(3, 18);
  const meeting = random.int(1, 5);
  const session = isCppcc
    ? `${level}政协${CN_NUMBERS[term - 1]}届${CN_NUMBERS[meeting - 1]}次会议`
    : `${level}${CN_NUMBERS[term - 1]}届人大${CN_NUMBERS[meeting - 1]}次会议`;
  const kind = isCppcc ? '提案' : '建议';
  const year = random.int(2014, 2025);
  const numberStyle = random.int(0, 3);
  const proposalNumber =
    numberStyle === 0
      ? String(random.int(1, 300)).padStart(3, '0')
      : numberStyle === 1
        ? `${year}${String(random.int(1, 400)).padStart(4, '0')}`
        : String(random.int(1, 400));
  const partyDept = random.chance(0.15);
  const dept = partyDept ? random.pick(PARTY_DEPARTMENTS) : random.pick(DEPARTMENTS);
  const issuer = partyDept ? `中共${place}${level}${dept.name}` : `${place}${level}${dept.name}`;
  const brackets = random.pick([
    ['〔', '〕'],
    ['【', '】'],
    ['[', ']'],
  ] as const);
  const docNumber = `${place.slice(0, 1)}${dept.abbr}函${brackets[0]}${year}${brackets[1]}${random.int(1, 180)}号`;
  const category = random.pick(['A', 'B', 'C']);
  const proposer = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
  const topic = random.pick(TOPICS);
  const proposalTitle = `关于${random.pick(topic.title)}的${kind}`;
  const month = random.int(5, 9);
  const day = random.int(1, 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const role = isCppcc ? '委员' : '代表';
  const values = (): Record<string, string> => ({
    dept: dept.name.replace(/^委/u, ''),
    word: random.pick(topic.words),
    level,
    n: String(random.int(100, 9000)),
    m: String(random.int(2, 60)),
    k: String(random.int(100, 50_000)),
    name: proposer,
    year: String(year + random.int(0, 1)),
  });

  const paragraphs: string[] = [];
  paragraphs.push(
    docNumber + (random.chance(0.5) ? ` 签发人:${random.pick(SURNAMES)}${random.pick(GIVEN)}` : ''),
  );
  paragraphs.push(random.chance(0.5) ? `类别:${category}` : `办理结果:(${category}类)`);
  paragraphs.push(
    `关于${session}第${proposalNumber}号${kind}${random.chance(0.5) ? '办理情况的函' : '的答复'}`,
  );
  paragraphs.push(`${random.chance(0.3) ? '尊敬的' : ''}${proposer}${role}:`);
  paragraphs.push(
    `您在${session}上提出的《${proposalTitle}》收悉。${random.chance(0.5) ? '现将办理情况函告如下:' : '现答复如下:'}`,
  );
  const targetLength = random.int(1_900, 8_300);
  const parts = random.int(1, 3);
  let length = paragraphs.join('').length;
  const doneParts = Math.max(1, parts);
  for (let part = 0; part < doneParts; part += 1) {
    paragraphs.push(`${ORDINALS[part]}、${part === 0 ? '基本情况' : `关于${random.pick(topic.words)}工作`}`);
    const partEnd = length + (targetLength - 600) / doneParts;
    let paragraph = '';
    while (length + paragraph.length < partEnd) {
      paragraph += fill(random.pick(DONE_SENTENCES), values());
      if (paragraph.length > random.int(150, 400)) {
        paragraphs.push(paragraph);
        length += paragraph.length;
        paragraph = '';
      }
    }
    if (paragraph) {
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
  }
  paragraphs.push(`${ORDINALS[doneParts]}、下一步工作`);
  const steps = random.int(2, 4);
  for (let step = 0; step < steps; step += 1) {
    paragraphs.push(`${ORDINALS[step]}是${fill(random.pick(NEXT_STEP_SENTENCES), values())}`);
  }
  paragraphs.push(`感谢您对${dept.name.replace(/^委/u, '')}工作的关心和支持。`);
  paragraphs.push(random.pick(CLOSINGS));
  paragraphs.push(issuer);
  paragraphs.push(`${year}年${month}月${day}日`);
  const phone = random.chance(0.5)
    ? `0${random.int(510, 939)}-${random.int(2_000_000, 8_999_999)}`
    : `1${random.int(3_000_000_000, 8_999_999_999)}`;
  paragraphs.push(`联系人:${random.pick(SURNAMES)}${random.pick(GIVEN)} 联系电话:${phone}`);
  paragraphs.push(
    `抄送:${level}政府办公室,${isCppcc ? `${level}政协提案委` : `${level}人大常委会选联工委`}。`,
  );
  return {
    text: paragraphs.join('\n'),
    paragraphs,
    facts: { session, proposalNumber, issuer, docNumber, proposer, proposalTitle, date, category },
  };
}
