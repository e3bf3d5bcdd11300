import { describe, expect, it } from 'vitest';
import { parseLetter } from './parse-letter';

const RED_HEADER = `潼关县民政局文件
潼民发【2024】275号
签发人:马文忠
关于对县十八届人大三次会议第12号建议的
答 复
尊敬袁大金代表:
您提出的《关于加强养老服务的建议》收悉。现答复如下:
一、基本情况
我县现有养老机构5家。
二、下一步安排
我们还将采取以下措施:
1.加快建设养老中心,力争2025年6月底前建成。
2.年底前完成全县摸排。
感谢您对民政工作的关心。
潼关县民政局
二○二四年六月十四日
联 系 人:林敏捷
联系电话:0913─3822156
抄 报:县政府办 县人大选工委`;

const CO_HANDLER = `对市十五届人大三次会议第3062号建议的协办意见
市住建局:
经研究,现对李启珍代表提出的关于加强水体环境治理的建议提出如下协办意见,供你单位答复代表时参考:
我局重点加强水质监测工作。
下一步,我局将持续开展河流水质监测工作。
某某市生态环境局
2023年5月31日
联系人:谭红
联系电话:15189014253`;

describe('parseLetter', () => {
  it('reads a red-header letter with a split title and a next-steps part', () => {
    const p = parseLetter(RED_HEADER);
    expect(p).toMatchObject({
      kind: '人大建议',
      title: '关于对县十八届人大三次会议第12号建议的答 复',
      issuer: '潼关县民政局',
      doc_number: '潼民发【2024】275号',
      session: '县十八届人大三次会议',
      proposal_number: '12',
      category: null,
      handling_role: null,
      proposers: ['袁大金'],
      proposal_title: '关于加强养老服务的建议',
      date: '2024-06-14',
      contact: '林敏捷',
      phone: '0913─3822156',
      cc: ['县政府办', '县人大选工委'],
      next_steps_heading: '二、下一步安排',
      commitments: ['1.加快建设养老中心,力争2025年6月底前建成。', '2.年底前完成全县摸排。'],
      warnings: [],
    });
    expect(p.commitmentItems.map((c) => c.dueDate)).toEqual(['2025-06-30', '2024-12-31']);
    for (const c of p.commitmentItems) expect(RED_HEADER.slice(c.start, c.end)).toBe(c.text);
    expect(p.derived).toEqual({
      year: 2024,
      proposalNumberKey: '12',
      sessionParts: { body: '人大', level: '县', term: 18, meeting: 3, sortKey: '人大|县|18|03' },
      categoryNormalized: null,
    });
    for (const s of p.sections) expect(s.end).toBeGreaterThan(s.start);
  });

  it('reads a co-handler opinion addressed to the lead unit', () => {
    expect(parseLetter(CO_HANDLER)).toMatchObject({
      kind: '人大建议',
      handling_role: '协办',
      proposers: ['李启珍'],
      proposal_title: '关于加强水体环境治理的建议',
      issuer: '某某市生态环境局',
      commitments: ['下一步,我局将持续开展河流水质监测工作。'],
      contact: '谭红',
      phone: '15189014253',
    });
  });

  it('reads a bare letter without title, keeping nulls and warning in Chinese', () => {
    const p = parseLetter('张三代表:\n您提出的“关于修路的建议”收悉。现答复如下:\n已列入计划。\n0二十六日');
    expect(p).toMatchObject({ title: null, issuer: null, date: null, proposers: ['张三'], kind: '人大建议' });
    expect(p.warnings).toContain('答复日期无法识别（原文日期可能残缺）。');
    expect(p.warnings).toContain('未找到答复函标题。');
  });

  it('reads a flattened page (one table cell)', () => {
    const p = parseLetter(
      '关于县政协十届三次会议第5号提案的答复 张三委员: 你提出的《关于修路的提案》收悉,现答复如下: 我局已列入计划。 下一步,我局将于今年底前完成。 感谢您的关心。 某某县交通运输局 2021年6月1日',
    );
    expect(p).toMatchObject({
      title: '关于县政协十届三次会议第5号提案的答复',
      proposers: ['张三'],
      issuer: '某某县交通运输局',
      date: '2021-06-01',
      commitments: ['下一步,我局将于今年底前完成。'],
    });
    expect(p.commitmentItems[0]?.dueDate).toBe('2021-12-31');
  });

  it('reads the role a letter states', () => {
    const role = (sentence: string): string | null =>
      parseLetter(
        `关于县政协十届三次会议第5号提案的答复\n张三委员:\n${sentence}\n某某县交通运输局\n2021年6月1日`,
      ).handling_role;
    expect(role('作为牵头单位,我们及时进行了专题调研。')).toBe('主办');
    expect(role('该提案已转由我局协办,现将协办情况函复如下:')).toBe('协办');
    expect(role('作为会办单位,我局积极配合。')).toBe('会办');
    expect(role('经与协办单位共同研究,现答复如下。')).toBeNull();
  });

  it('never throws on empty or odd input', () => {
    expect(parseLetter('').title).toBeNull();
    expect(parseLetter('\n\n  \n').proposers).toEqual([]);
    expect(parseLetter('x'.repeat(5000)).warnings.length).toBeGreaterThan(0);
  });

  it('parses a 10,000-character letter in a few milliseconds', () => {
    const para = '一是加大投入力度,年底前完成改造;二是强化日常管护,确保道路安全畅通。';
    const text = `${RED_HEADER.split('\n').slice(0, 9).join('\n')}\n${`${para}\n`.repeat(300)}`.slice(
      0,
      10_000,
    );
    parseLetter(text);
    const t = performance.now();
    for (let i = 0; i < 20; i++) parseLetter(text);
    expect((performance.now() - t) / 20).toBeLessThan(50);
  });
});
