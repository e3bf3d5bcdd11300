import { describe, expect, it } from 'vitest';
import { layoutOf } from './layout';
import { buildSections, isNextStepsHeading, isPartHeading } from './sections';
import { lineOf } from './test-helpers';

describe('headings', () => {
  it.each(['三、下步工作计划', '二、下一步安排', '三、下步工作方向', '四、下一步工作打算', '三、今后工作'])(
    'next-steps heading %s',
    (s) => {
      expect(isNextStepsHeading(lineOf(s))).toBe(true);
    },
  );
  it.each(['一、基本情况', '二、办理工作开展情况', '一、关于乡村旅游发展'])('part heading %s', (s) => {
    expect(isPartHeading(lineOf(s))).toBe(true);
    expect(isNextStepsHeading(lineOf(s))).toBe(false);
  });
  it('does not take an enumerated sentence for a heading', () => {
    expect(isPartHeading(lineOf('二、积极向省、市争取项目资金,按轻重缓急原则,逐步实施。'))).toBe(false);
  });
});

describe('buildSections', () => {
  it('splits header, parts and closing with offsets into the text', () => {
    const text = [
      '关于对市七届人大五次会议第71号建议的答复',
      '王爱珍代表:',
      '您提出的建议收悉。',
      '一、基本情况',
      '情况说明。',
      '二、下一步工作计划',
      '下一步,我们将加快建设。',
      '某某市卫生健康局',
      '2023年6月29日',
    ].join('\n');
    const l = layoutOf(text);
    const sections = buildSections(text, l.lines, l.bodyStart, l.closingStart);
    expect(sections.map((s) => s.heading)).toEqual([
      '抬头',
      '正文',
      '一、基本情况',
      '二、下一步工作计划',
      '落款',
    ]);
    const last = sections.at(-1);
    expect(last && text.slice(last.start, last.end)).toBe('某某市卫生健康局\n2023年6月29日');
    const plan = sections[3];
    expect(plan && text.slice(plan.start, plan.end)).toBe('二、下一步工作计划\n下一步,我们将加快建设。\n');
  });
});
