import { describe, expect, it } from 'vitest';
import { parseLetter } from './parse-letter';

const letter = (...lines: string[]): string => lines.join('\n');

describe('format rules found on unseen letters', () => {
  it('joins a title whose answer word is split over two lines, past a record field', () => {
    const p = parseLetter(
      letter(
        '关于对县十八届人大一次会议',
        '第31号建议的答',
        '复',
        '答复时间: 2024-05-28',
        '储海龙代表:',
        '您提出的关于加大返乡创业扶持力度的建议收悉,现答复如下:',
        '正文。',
      ),
    );
    expect(p.title).toBe('关于对县十八届人大一次会议第31号建议的答复');
    expect(p.proposal_number).toBe('31');
    expect(p.date).toBe('2024-05-28');
  });

  it('does not take a lead-in to work already done as next steps', () => {
    const p = parseLetter(
      letter(
        '吴秀兰代表:',
        '您提出的建议收悉,现答复如下:',
        '我会将该建议作为重点建议办理,主要开展了以下工作:',
        '一是开展免费筛查。',
        '二是资助困难女童。',
        '泸水市妇联',
        '2022年8月19日',
      ),
    );
    expect(p.commitments).toEqual([]);
    expect(p.issuer).toBe('泸水市妇联');
  });

  it('keeps an undated signature out of the commitments', () => {
    const p = parseLetter(
      letter('马玉兰代表:', '您提出的建议收悉,现答复如下:', '下一步,我局将继续推进。', '海原县卫生健康局'),
    );
    expect(p.commitments).toEqual(['下一步,我局将继续推进。']);
  });

  it('reads transcribed names with a middle dot and role-then-name proposers', () => {
    const a = parseLetter(letter('阿依古丽·吐尔逊代表:', '您提出的建议收悉,现答复如下:'));
    expect(a.proposers).toEqual(['阿依古丽·吐尔逊']);
    const b = parseLetter(
      letter('市商务局:', '市人大代表欧阳建华提出的《关于提升通关便利化水平的建议》已转我关协办,现函复如下:'),
    );
    expect(b.proposers).toEqual(['欧阳建华']);
    expect(b.handling_role).toBe('协办');
  });

  it('does not take a quote inside a bare proposal title as the title', () => {
    const p = parseLetter(letter('曹文军代表:', '您提出的关于加强农村集体“三资”管理的建议收悉,现答复如下:'));
    expect(p.proposal_title).toBe('关于加强农村集体“三资”管理的建议');
  });

  it('splits an item line that opens an inline run 一是…;二是…', () => {
    const p = parseLetter(
      letter(
        '钱海燕委员:',
        '您提出的提案收悉,现答复如下:',
        '二、下一步工作措施',
        '一是扩大覆盖面;二是推动互联互通。',
        '特此函复。',
      ),
    );
    expect(p.commitments).toEqual(['一是扩大覆盖面;', '二是推动互联互通。']);
  });
});
