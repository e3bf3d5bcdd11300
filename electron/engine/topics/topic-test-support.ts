/** A short reply letter about one subject, in the form the parser reads (title, receipt sentence, body). */
export function letterAbout(
  proposalTitle: string,
  body: string[],
  issuer = '某市某局',
  number = '018',
): string {
  return [
    `关于市政协五届四次会议第${number}号提案答复的函`,
    '张明委员：',
    `您提出的《${proposalTitle}》收悉。经认真研究，现答复如下：`,
    ...body,
    '下一步，我们将继续加强相关工作，年底前完成整改。',
    '特此函复。',
    issuer,
    '2024年6月1日',
    '（联系人：李华，电话：0818-2345678）',
  ].join('\n');
}

/** One letter per subject, each clearly about its topic (proposal title and body). */
export const LETTERS_BY_TOPIC: ReadonlyArray<{ topic: string; text: string }> = [
  {
    topic: '人才',
    text: letterAbout(
      '关于加快人才公寓建设的提案',
      ['近年来，我市出台引才政策，引进高层次人才120名。'],
      '中共某市委组织部',
    ),
  },
  {
    topic: '教育',
    text: letterAbout(
      '关于改善农村学校办学条件的提案',
      ['今年改造校舍12所，补充教师80名。'],
      '某市教育局',
      '019',
    ),
  },
  {
    topic: '医疗卫生',
    text: letterAbout(
      '关于提升乡镇卫生院服务能力的提案',
      ['我们推进医共体建设，村医培训300人次。'],
      '某市卫生健康委员会',
      '020',
    ),
  },
  {
    topic: '交通',
    text: letterAbout(
      '关于加快农村公路提档升级的提案',
      ['今年完成道路硬化85公里，新开通公交线路3条。'],
      '某市交通运输局',
      '021',
    ),
  },
  {
    topic: '水利',
    text: letterAbout(
      '关于解决山区群众饮水困难的提案',
      ['实施农村供水保障工程，新建水池20口。'],
      '某市水务局',
      '022',
    ),
  },
  {
    topic: '生态环境',
    text: letterAbout(
      '关于加强河道污水治理的提案',
      ['开展流域水环境综合治理，关停排污口15个。'],
      '某市生态环境局',
      '023',
    ),
  },
  {
    topic: '文化旅游',
    text: letterAbout(
      '关于打造乡村旅游精品线路的提案',
      ['我们提升景区配套设施，推介文旅品牌。'],
      '某市文化广电旅游局',
      '024',
    ),
  },
  {
    topic: '民政养老',
    text: letterAbout(
      '关于完善居家养老服务的提案',
      ['建成日间照料中心10个，为老年人提供助餐服务。'],
      '某市民政局',
      '025',
    ),
  },
  {
    topic: '公共安全',
    text: letterAbout(
      '关于加强消防安全隐患排查的提案',
      ['开展消防检查，整改隐患200处。'],
      '某市应急管理局',
      '026',
    ),
  },
  {
    topic: '营商环境',
    text: letterAbout(
      '关于持续优化营商环境的提案',
      ['压缩审批时限，推行涉企事项一次办结。'],
      '某市行政审批局',
      '027',
    ),
  },
];
