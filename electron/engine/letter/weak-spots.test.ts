import { describe, expect, it } from 'vitest';
import { coProposersInBody, findAddressee, namesFrom, proposersInBody } from './addressees';
import { findNextSteps } from './commitments';
import { deriveFields } from './derived';
import { findPhone } from './footer';
import { bareCategory, categoryAfterDocNumber, findDocNumber, labelledCategory } from './header';
import { findIssuers } from './issuer';
import { layoutOf } from './layout';
import { parseLetter } from './parse-letter';
import { numberInBody, numberInTitle } from './proposal-number';
import { lineOf } from './test-helpers';

const HEAD =
  '关于县政协十届三次会议第6号提案的答复\n王五委员:\n你提出的《关于修桥的提案》收悉,现答复如下:\n已完成。\n';

describe('full-width digits and letters are returned as written', () => {
  it('proposal numbers in the title, the receipt and a form field', () => {
    const t = '关于对县十八届人大三次会议第１２号建议的答复';
    expect(numberInTitle(lineOf(t).norm, t)).toBe('１２');
    const d = '关于区政协六届三次会议ＤＨ１２３号 提案的答复';
    expect(numberInTitle(lineOf(d).norm, d)).toBe('ＤＨ１２３');
    const b = '您提出的《关于X的提案》（第 ０５号）收悉';
    expect(numberInBody(lineOf(b).norm, b)).toBe('０５');
    expect(numberInTitle('第71号')).toBe('71');
  });
  it('categories', () => {
    expect(labelledCategory(lineOf('类别：Ｂ'))).toBe('Ｂ');
    expect(bareCategory(lineOf('（Ｃ类）'))).toBe('Ｃ');
    const line = lineOf('钱汽发〔２０２０〕１１号Ａ类');
    const hit = findDocNumber(line);
    expect(hit?.value).toBe('钱汽发〔２０２０〕１１号');
    expect(hit && categoryAfterDocNumber(line, hit)).toBe('Ａ');
  });
  it('whole letter: doc number, number, date ISO, phone verbatim; derived fields folded', () => {
    const r = parseLetter(
      [
        '某县交通运输局',
        '某交函〔２０２４〕２１号',
        '关于对县十八届人大三次会议第０１２号建议的答复',
        '许＊＊代表：',
        '您提出的《关于修路的建议》收悉，现答复如下：',
        '已完成。',
        '某县交通运输局',
        '２０２４年６月１４日',
        '联系电话：０８７１－６１２３４５６',
      ].join('\n'),
    );
    expect(r.doc_number).toBe('某交函〔２０２４〕２１号');
    expect(r.proposal_number).toBe('０１２');
    expect(r.proposers).toEqual(['许＊＊']);
    expect(r.date).toBe('2024-06-14');
    expect(r.phone).toBe('０８７１－６１２３４５６');
    expect(r.derived.proposalNumberKey).toBe('12');
    expect(r.derived.year).toBe(2024);
  });
  it('derives folded keys from full-width values', () => {
    const d = deriveFields({
      date: null,
      doc_number: '某发〔２０２３〕５号',
      title: null,
      proposal_number: 'ＤＨ１２３',
      session: null,
      category: 'Ｂ',
    });
    expect(d).toMatchObject({ year: 2023, proposalNumberKey: 'DH123', categoryNormalized: 'B' });
  });
});

describe('phones', () => {
  it.each([
    ['联系电话:(0871)63125566', '(0871)63125566'],
    ['联系人及电话：马云飞（0871）6312556', '（0871）6312556'],
    ['联系电话：（０７５５）２３２１８８６７', '（０７５５）２３２１８８６７'],
    ['联系电话:0871-6123456、13987654321', '0871-6123456'],
    ['联系人:黄敏  电话:028-83961027  手机:13880012345', '028-83961027'],
    ['承办人:杨柳 手机:13908831234', '13908831234'],
    ['联系电话:0871 6123456', '0871 6123456'],
    ['手机:139-7351-2608', '139-7351-2608'],
  ])('%s', (line, phone) => {
    expect(findPhone([lineOf(line)])).toBe(phone);
  });
});

describe('signatures', () => {
  it('drops (盖章) / （盖章） from the signed units', () => {
    expect(issuers(`${HEAD}此复。\n某县民政局(盖章)\n2024年6月28日`).issuer).toBe('某县民政局');
    expect(issuers(`${HEAD}某县水务局（盖章）\n某县财政局（盖章）\n2024年6月28日`)).toEqual({
      issuer: '某县水务局',
      coIssuers: ['某县财政局'],
    });
  });
  it('keeps an internal space in one unit name; splits two units on one line', () => {
    expect(issuers(`${HEAD}贵阳市观山湖区 住房和城乡建设局\n2024年6月3日`)).toEqual({
      issuer: '贵阳市观山湖区 住房和城乡建设局',
      coIssuers: [],
    });
    expect(issuers(`${HEAD}弥勒市商务局    弥勒市交通运输局\n2023年6月16日`).coIssuers).toEqual([
      '弥勒市交通运输局',
    ]);
  });
  it('reads the units signed below the date', () => {
    expect(issuers(`${HEAD}特此答复。\n2024年6月12日\n某县农业农村局(盖章)\n联系人:张三`)).toEqual({
      issuer: '某县农业农村局',
      coIssuers: [],
    });
    expect(issuers(`${HEAD}2024年6月3日\n双柏县商务局\n双柏县文化和旅游局`).coIssuers).toEqual([
      '双柏县文化和旅游局',
    ]);
  });
});

function issuers(text: string): ReturnType<typeof findIssuers> {
  return findIssuers(layoutOf(text));
}

describe('proposers', () => {
  it('takes 同志 addressees and drops titles before the role word', () => {
    const title = lineOf('关于县政协九届二次会议第64号提案的答复');
    expect(findAddressee([title, lineOf('张文斌同志:')])).toEqual({
      lineIndex: 1,
      persons: ['张文斌'],
      role: null,
    });
    expect(findAddressee([title, lineOf('尊敬的李明主任委员:')])?.persons).toEqual(['李明']);
    expect(findAddressee([title, lineOf('赵敏副主任委员、孙立委员:')])?.persons).toEqual(['赵敏', '孙立']);
    expect(findAddressee([lineOf('各位同志:')])?.persons).toEqual([]);
    expect(namesFrom('王红常委')).toEqual(['王红']);
  });
  it('adds co-proposers named beside the addressee (您与X等…)', () => {
    expect(coProposersInBody(lineOf('您与张国强等5位代表提出的《关于X的建议》收悉'))).toEqual(['张国强']);
    expect(coProposersInBody(lineOf('你和李四、王五委员联名提出的提案收悉'))).toEqual(['李四', '王五']);
    expect(coProposersInBody(lineOf('您和其他代表提出的建议收悉'))).toEqual([]);
    expect(coProposersInBody(lineOf('您与我们共同关注的问题'))).toEqual([]);
  });
  it('reads 由X等N名代表提出 in a report to the standing committee', () => {
    expect(
      proposersInBody(lineOf('县十七届人大三次会议主席团交付审议的由陈志明等12名代表提出的《议案》')),
    ).toEqual(['陈志明']);
  });
});

function steps(body: string[]): string[] {
  const text = [
    '关于对县十八届人大三次会议第12号建议的答复',
    '张三代表:',
    '您提出的建议收悉,现答复如下:',
    ...body,
    '某某县交通运输局',
    '2024年6月14日',
  ].join('\n');
  const l = layoutOf(text);
  return findNextSteps(text, l.folded, l.lines, l.bodyStart, l.closingStart, '2024-06-14', 2024).items.map(
    (i) => i.text,
  );
}

describe('next steps', () => {
  it('joins a sub-heading item with its paragraph below (one string per item)', () => {
    expect(
      steps([
        '二、下一步工作打算',
        '1.加强统筹',
        '建立联席会议制度。',
        '2.完善设施。',
        '2025年底前完成改造。',
        '感谢您的关心。',
      ]),
    ).toEqual(['1.加强统筹建立联席会议制度。', '2.完善设施。2025年底前完成改造。']);
  });
  it('takes （一） sub-heading items after a lead-in, and stops at the next part', () => {
    expect(
      steps([
        '下一步,我局将重点做好以下工作:',
        '(一)完善长效机制',
        '建立村庄保洁责任制。',
        '(二)加大资金投入',
        '新建污水处理设施15座。',
        '三、其他事项',
        '无。',
      ]),
    ).toEqual(['(一)完善长效机制建立村庄保洁责任制。', '(二)加大资金投入新建污水处理设施15座。']);
  });
  it('keeps short item lines apart when no paragraph follows them', () => {
    expect(
      steps(['三、下步打算', '1.加强统筹', '2.完善设施', '3.强化宣传', '同时,我局将加强宣传。']),
    ).toEqual(['1.加强统筹', '2.完善设施', '3.强化宣传', '同时,我局将加强宣传。']);
  });
  it('does not start at lead-ins about work done; does start at a long future lead-in', () => {
    expect(steps(['我局高度重视,已采取以下措施:', '1.开展登记;', '2.开展收容。'])).toEqual([]);
    expect(steps(['我局将该建议列为重点,主要做了以下工作:', '一是普查管网;', '二是改造易涝点。'])).toEqual(
      [],
    );
    expect(steps(['今年未发生内涝,今后我局将持续加大投入。'])).toEqual([]);
    expect(steps(['我局将采取以下措施进一步做好老年助餐服务:', '1.实现全覆盖;', '2.推动融合发展。'])).toEqual(
      ['1.实现全覆盖;', '2.推动融合发展。'],
    );
  });
});

describe('议案 and report titles', () => {
  it('reads a 办理情况的报告 title and counts a 议案 as 人大建议', () => {
    const r = parseLetter(
      [
        '关于市人大七届三次会议第5号议案办理情况的报告',
        '市人大常委会：',
        '李明华等10名代表提出的《关于建设管廊的议案》，交由我局办理。现将办理情况报告如下：',
        '已建成管廊12公里。',
        '某市住房和城乡建设局',
        '2023年11月20日',
      ].join('\n'),
    );
    expect(r.title).toBe('关于市人大七届三次会议第5号议案办理情况的报告');
    expect(r.session).toBe('市人大七届三次会议');
    expect(r.proposal_number).toBe('5');
    expect(r.kind).toBe('人大建议');
  });
});
