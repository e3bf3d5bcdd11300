import { describe, expect, it } from 'vitest';
import { findNextSteps } from './commitments';
import { layoutOf } from './layout';

function run(
  body: string[],
  date = '2024-06-14',
): { heading: string | null; items: string[]; due: (string | null)[] } {
  const text = [
    '关于对县十八届人大三次会议第12号建议的答复',
    '张三代表:',
    '您提出的建议收悉,现答复如下:',
    ...body,
    '某某县交通运输局',
    '2024年6月14日',
  ].join('\n');
  const l = layoutOf(text);
  const r = findNextSteps(text, l.folded, l.lines, l.bodyStart, l.closingStart, date, 2024);
  for (const it of r.items) expect(text.slice(it.start, it.end)).toBe(it.text);
  return {
    heading: r.heading?.text ?? null,
    items: r.items.map((i) => i.text),
    due: r.items.map((i) => i.dueDate),
  };
}

describe('findNextSteps', () => {
  it('splits inline items under a heading and drops the lead-in sentence', () => {
    const r = run([
      '一、基本情况',
      '已完成摸排。',
      '二、下一步工作打算',
      '下一步,我们将继续推进。一是加大投入,年底前完成改造;二是强化管护。',
      '最后,再次感谢您的支持!',
    ]);
    expect(r.heading).toBe('二、下一步工作打算');
    expect(r.items).toEqual(['一是加大投入,年底前完成改造;', '二是强化管护。']);
    expect(r.due).toEqual(['2024-12-31', null]);
  });
  it('takes a paragraph that begins with a marker verbatim', () => {
    const r = run(['我局已开展监测。', '下一步,我局将力争1年内完成治理。', '感谢您的关心。']);
    expect(r.heading).toBeNull();
    expect(r.items).toEqual(['下一步,我局将力争1年内完成治理。']);
    expect(r.due).toEqual(['2025-06-14']);
  });
  it('takes 今后, and 下步工作中, paragraphs', () => {
    expect(run(['今后,我局将继续反映情况。', '专此答复。']).items).toEqual(['今后,我局将继续反映情况。']);
    expect(run(['下步工作中,我局将积极争取。']).items).toEqual(['下步工作中,我局将积极争取。']);
  });
  it('takes the items after a lead-in that announces measures', () => {
    const r = run([
      '我局已完成设计。',
      '我们还将采取以下措施:',
      '1.2025年6月前完成建设。',
      '2.加强日常管护。',
      '感谢您的支持。',
    ]);
    expect(r.items).toEqual(['1.2025年6月前完成建设。', '2.加强日常管护。']);
    expect(r.due).toEqual(['2025-06-30', null]);
    expect(run(['我局下一步将采取以下工作措施:一是完善规划;二是争取资金。']).items).toEqual([
      '一是完善规划;',
      '二是争取资金。',
    ]);
  });
  it('splits inline (一)(二) and 1.2. items, and stops at the next heading of the same level', () => {
    expect(
      run(['三、下一步工作', '下一步,我们将:(一)完善规划;(二)争取资金。', '四、其他说明', '无。']).items,
    ).toEqual(['(一)完善规划;', '(二)争取资金。']);
    expect(run(['下一步,我们将:1.完善规划;2.争取资金。']).items).toEqual(['1.完善规划;', '2.争取资金。']);
    expect(run(['三、下一步工作', '(一)加大投入', '(二)强化管护', '感谢您的支持。']).items).toEqual([
      '(一)加大投入',
      '(二)强化管护',
    ]);
  });
  it('takes a sub-part next-steps heading', () => {
    const r = run([
      '一、办理情况',
      '(一)已做工作',
      '已完成。',
      '(二)下一步工作',
      '我局将于今年10月底前完成。',
    ]);
    expect(r.heading).toBe('(二)下一步工作');
    expect(r.items).toEqual(['我局将于今年10月底前完成。']);
    expect(r.due).toEqual(['2024-10-31']);
  });
  it('ignores markers in the middle of a paragraph and lists of work done', () => {
    expect(run(['目前已纳入项目库,下一步,我局将积极争取资金。']).items).toEqual([]);
    expect(run(['一是设立临时信号灯。', '二是设立提示标志。']).items).toEqual([]);
  });
});
