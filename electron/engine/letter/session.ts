const ORD = '[一二三四五六七八九十百〇零两\\d]';
const LV = '(?:自治区|自治州|自治县|自治旗|[省市县区州旗镇乡])';

/**
 * Session strings: 市七届人大五次会议, 县第十八届人大第一次会议, 县十八届人民代表大会第三次会议,
 * 政协子洲县第十届委员会第二次会议, 县政协第十届一次会议, 区政协十六届第一次会议,
 * 自治区十四届人大二次会议, 政协市八届三次会议, 镇第十四次党代表大会一次会议, and the
 * garbled 市十届人大次会议.
 */
const SESSION = new RegExp(
  [
    // 县政协第十届一次会议, 县人大第十七届五次会议, 县政协第十四届委员会五次会议
    `${LV}?(?:政协|人大)(?:${LV})?第?${ORD}+届(?:委员会)?(?:第?${ORD}+次|第?次)会议`,
    // 政协子洲县第十届委员会第二次会议, 政协马关县第十届五次会议
    `政协[\\u4e00-\\u9fa5]{0,8}?${LV}第?${ORD}+届(?:委员会)?第?${ORD}+次会议`,
    // 市七届人大五次会议, 砚山县第十六届人民代表大会第二次会议, 市十届人大次会议
    `${LV}第?${ORD}+届(?:人大|人民代表大会)(?:常委会)?(?:第?${ORD}+次|第?次)会议`,
    // 十四届市政协二次会议
    `第?${ORD}+届${LV}?(?:政协|人大)(?:委员会)?(?:第?${ORD}+次|第?次)会议`,
    // 政协第十三届漳州市委员会第二次会议, 中国人民政治协商会议某县第十届委员会第三次会议
    `政协第?${ORD}+届[\\u4e00-\\u9fa5]{0,10}?委员会第?${ORD}+次会议`,
    `中国人民政治协商会议[\\u4e00-\\u9fa5]{0,10}?第?${ORD}+届委员会第?${ORD}+次会议`,
    // 镇第十四次党代表大会一次会议
    `${LV}第?${ORD}+次党代表大会(?:第?${ORD}+次)?会议`,
  ].join('|'),
);

/** Characters that end a place name when reading leftwards from the level word. */
const STOP =
  /[^\u4e00-\u9fa5]|[于对在的年局是们您你出和及与为将各由届次会议期间提案建议号第馈报向就据按照函答复席列]/;

/**
 * Finds the session named in a piece of text and returns it with its place name
 * (马关县第十八届人大二次会议, 清原满族自治县政协七届一次会议).
 */
export function findSession(text: string, norm: string): string | null {
  const m = SESSION.exec(norm);
  if (!m) return null;
  let start = m.index;
  if (!norm.startsWith('政协', start)) {
    let k = start;
    while (k > 0 && start - k < 10 && !STOP.test(norm[k - 1] ?? ' ')) k--;
    start = k;
  }
  return text.slice(start, m.index + m[0].length);
}
