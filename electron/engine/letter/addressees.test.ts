import { describe, expect, it } from 'vitest';
import { findAddressee, namesFrom, proposersInBody } from './addressees';
import { lineOf } from './test-helpers';

describe('findAddressee', () => {
  it.each([
    ['乐芳均委员：', ['乐芳均'], '委员'],
    ['尊敬的王爱珍代表:', ['王爱珍'], '代表'],
    ['尊敬袁大金代表:', ['袁大金'], '代表'],
    ['高松代表', ['高松'], '代表'],
    ['贺文国、佟金菊委员', ['贺文国', '佟金菊'], '委员'],
    ['马青、周丽等委员:', ['马青', '周丽'], '委员'],
    ['胡维英等四位代表:', ['胡维英'], '代表'],
    ['尚路鹏（等4位）代表:', ['尚路鹏'], '代表'],
    ['余秀华9名代表', ['余秀华'], '代表'],
    ['纪占斌等3名代表:', ['纪占斌'], '代表'],
    ['刘建军等13位代表:', ['刘建军'], '代表'],
    ['鲁建忠、陈奕明、王迎春三位代表:', ['鲁建忠', '陈奕明', '王迎春'], '代表'],
    ['司长虹、杨胜利二位代表:', ['司长虹', '杨胜利'], '代表'],
    ['尊敬的方炎柏、李建利领衔代表:', ['方炎柏', '李建利'], '代表'],
    ['尊敬的王亚春区人大代表:', ['王亚春'], '代表'],
    ['刘苍林政协绿春县委员:', ['刘苍林'], '委员'],
    ['县政协民族和宗教委、黄洪强委员:', ['黄洪强'], '委员'],
    ['吕萍代表您好:', ['吕萍'], '代表'],
    ['许**委员:', ['许**'], '委员'],
    ['邓碧蓉、蒲文常、杜林等县政协委员:', ['邓碧蓉', '蒲文常', '杜林'], '委员'],
  ])('%s', (line, persons, role) => {
    expect(findAddressee([lineOf('关于对县政协十届一次会议第3号提案的答复'), lineOf(line)])).toEqual({
      lineIndex: 1,
      persons,
      role,
    });
  });
  it('does not take 各位代表 for a person', () => {
    expect(findAddressee([lineOf('各位代表:')])?.persons).toEqual([]);
  });
  it('recognises unit addressees of co-handler replies', () => {
    expect(findAddressee([lineOf('区卫生健康局:')])).toEqual({ lineIndex: 0, persons: [], role: null });
    expect(findAddressee([lineOf('类别:C'), lineOf('市住建局：')])?.lineIndex).toBe(1);
  });
  it('does not take a title or a body sentence for an addressee', () => {
    expect(
      findAddressee([
        lineOf('关于县十八届人大四次会议第44号代表建议的答复'),
        lineOf('您提出的建议收悉,现答复如下:'),
      ]),
    ).toBeNull();
  });
});

describe('proposersInBody', () => {
  it('reads persons named before 委员/代表提出, dropping collective proposers', () => {
    expect(
      proposersInBody(
        lineOf('农工党龙岗总支,第四界别活动组,于碧鲲、王天理、王虎等委员提出的《关于…的建议》提案收悉。'),
      ),
    ).toEqual(['于碧鲲', '王天理', '王虎']);
    expect(proposersInBody(lineOf('经研究,现对李启珍代表提出的关于加强治理的建议提出如下协办意见'))).toEqual([
      '李启珍',
    ]);
    expect(proposersInBody(lineOf('会议期间,钟莺、黄清梅等5名代表提出了关于…的建议'))).toEqual([
      '钟莺',
      '黄清梅',
    ]);
  });
  it('splits lists', () => {
    expect(namesFrom('周贤国、朱乐山、王军')).toEqual(['周贤国', '朱乐山', '王军']);
  });
});
