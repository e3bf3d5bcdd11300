import { describe, expect, it } from 'vitest';
import { foldText } from './normalize';
import { bareProposalTitle, proposalTitleInTitle, quotedProposalTitle } from './proposal-title';
import type { Span } from './proposal-title';

const take = (s: string, f: (n: string) => Span | null): string | null => {
  const span = f(foldText(s));
  return span ? s.slice(span.start, span.end) : null;
};

describe('quotedProposalTitle', () => {
  it.each([
    [
      '您在市政协五届四次会议上提出的《关于做好人才工作的建议》（第018号提案）收悉。',
      '关于做好人才工作的建议',
    ],
    ['你提出的“关于修建连接道路的建议”,已交我局研究办理', '关于修建连接道路的建议'],
    ['您提出的关于“关于合理规划停车场的建议”的建议收悉。', '关于合理规划停车场的建议'],
    ['您提出的关于《关于加快薄弱学校的硬件建设》的议案收悉', '关于加快薄弱学校的硬件建设'],
    ['您提出的《关于提高管道天然气覆盖率的建议已收悉,经研究', '关于提高管道天然气覆盖率的建议'],
    ['您提出的《关于建设高标准农田,确保粮食安全(第25号提案》收悉', '关于建设高标准农田,确保粮食安全'],
    ['在会议上,你们提出了题为《关于请求对大桥进行修复》的议案', '关于请求对大桥进行修复'],
    ['您提出的第71号建议《关于加宽村道的建议》,已交我局办理', '关于加宽村道的建议'],
  ])('%s', (s, t) => {
    expect(take(s, quotedProposalTitle)).toBe(t);
  });
  it('ignores quotes that do not follow the act of proposing', () => {
    expect(
      take('您提到的第49号提案,建议我区康养旅游“以点带面、连线成片”发展', quotedProposalTitle),
    ).toBeNull();
  });
});

describe('bareProposalTitle', () => {
  it.each([
    ['您提出的关于镇西镇中心小学筹建风雨操场的建议收悉,现答复如下', '关于镇西镇中心小学筹建风雨操场的建议'],
    ['现对李启珍代表提出的关于加强水体环境治理的建议提出如下协办意见', '关于加强水体环境治理的建议'],
    ['现将您提出的关于加快停车场建设的提案办理情况答复如下', '关于加快停车场建设的提案'],
  ])('%s', (s, t) => {
    expect(take(s, bareProposalTitle)).toBe(t);
  });
});

describe('proposalTitleInTitle', () => {
  it.each([
    ['区政协八届二次会议第77号提案的答复函《关于做强旅游配套设施的建议》', '关于做强旅游配套设施的建议'],
    ['对区九届人大三次会议关于加强宠物管理,保持路面卫生建议的答复', '关于加强宠物管理,保持路面卫生建议'],
    ['关于兴庆区人大四届三次会议第16号“关于增设公交线路的建议”的答复', '关于增设公交线路的建议'],
    ['关于对市七届人大五次会议第71号建议的答复', null],
  ])('%s', (s, t) => {
    expect(take(s, proposalTitleInTitle)).toBe(t);
  });
});
