import { describe, expect, it } from 'vitest';
import { dueDateFor } from './due-dates';

const D = '2024-06-14';

describe('dueDateFor', () => {
  it.each([
    ['力争年底前完成改造。', '2024-12-31'],
    ['年内完成项目建设。', '2024-12-31'],
    ['计划今年9月前完工。', '2024-09-30'],
    ['力争10月底前完工。', '2024-10-31'],
    ['力争1年内建成。', '2025-06-14'],
    ['力争一年内建成。', '2025-06-14'],
    ['力争通过1年时间实现目标。', '2025-06-14'],
    ['两年内全面完成。', '2026-06-14'],
    ['2025年6月前完成。', '2025-06-30'],
    ['2025年6月底前完成。', '2025-06-30'],
    ['下半年启动建设。', '2024-12-31'],
    ['明年启动建设。', '2025-12-31'],
    ['上半年完成设计。', '2024-06-30'],
    ['持续加强监管。', null],
  ])('%s → %s', (text, due) => {
    expect(dueDateFor(text, D)).toBe(due);
  });
  it('uses the letter year when the date is unknown', () => {
    expect(dueDateFor('年底前完成。', null, 2023)).toBe('2023-12-31');
    expect(dueDateFor('力争1年内完成。', null, 2023)).toBeNull();
    expect(dueDateFor('年底前完成。', null)).toBeNull();
  });
  it('keeps 29 February valid a year later', () => {
    expect(dueDateFor('一年内完成。', '2024-02-29')).toBe('2025-02-28');
  });
});
