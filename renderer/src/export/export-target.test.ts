import { describe, expect, it } from 'vitest';
import { baseName, overwriteQuestion } from '../components/SaveOutcome';
import { exportTarget } from './export-target';
import { suggestedFileName } from './export-options';

describe('what 导出 exports', () => {
  it('exports the chosen letters in the order they were chosen, even while a search shows', () => {
    expect(exportTarget({ chosen: new Set([7, 3, 9]), query: '人才', searchTotal: 40 })).toEqual({
      selection: { ids: [7, 3, 9] },
      description: '已选 3 封回函',
    });
  });

  it('with nothing chosen, exports every result of the search, not only the page shown', () => {
    expect(exportTarget({ chosen: new Set(), query: ' 部门:组织部 ', searchTotal: 120 })).toEqual({
      selection: { query: '部门:组织部' },
      description: '搜索「部门:组织部」的全部 120 封结果',
    });
  });

  it('says why nothing can be exported instead of exporting nothing', () => {
    expect(exportTarget({ chosen: new Set(), query: '', searchTotal: null })).toEqual({
      reason: expect.stringContaining('请先在列表中选择回函'),
    });
    expect(exportTarget({ chosen: new Set(), query: '无此词', searchTotal: 0 })).toEqual({
      reason: '搜索「无此词」没有结果，没有可导出的回函。',
    });
  });
});

describe('export wording', () => {
  it('turns the archive’s refusal into the question 确认覆盖？', () => {
    expect(
      overwriteQuestion('文件「汇总表.xlsx」已存在。是否覆盖？如要覆盖，请确认后重新导出（overwrite）。'),
    ).toBe('文件「汇总表.xlsx」已存在。确认覆盖？');
    expect(overwriteQuestion('文件已存在：台账.xlsx。如需替换，请确认覆盖。')).toBe(
      '文件已存在：台账.xlsx。确认覆盖？',
    );
  });

  it('names files after what they hold', () => {
    expect(suggestedFileName('docx', '  ')).toBe('提案办理答复汇编');
    expect(suggestedFileName('docx', '2025年汇编')).toBe('2025年汇编');
    expect(suggestedFileName('xlsx', '2025年汇编')).toBe('提案办理情况汇总表');
    expect(baseName('C:\\Users\\秘书\\文档\\汇编.docx')).toBe('汇编.docx');
    expect(baseName('/tmp/导出/原件/')).toBe('原件');
  });
});
