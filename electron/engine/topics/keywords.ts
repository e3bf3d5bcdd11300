import nodejieba from 'nodejieba';
import { isJiebaLoaded } from '../search/jieba';

/** How many keywords a letter keeps. */
export const KEYWORD_COUNT = 8;

/**
 * Words every reply letter uses whatever it is about (the genre's own vocabulary): jieba's IDF knows
 * general Chinese, not 答复函, so these would otherwise top every list.
 */
const GENRE_WORDS = new Set(
  `答复 答复函 复函 回复 收悉 此致 敬礼 提案 议案 建议 意见 代表 委员 政协 人大 会议 届 次 号 办理 承办
  承办人 负责人 联系人 联系电话 电话 签发人 抄送 我局 我委 我办 我县 我市 我区 我镇 我乡 贵 您 你们 我们 工作
  情况 开展 进一步 下一步 下步 今后 有关 相关 进行 加强 推进 积极 认真 主要 目前 同志 单位 部门 政府 人民政府
  县政协 市政协 区政协 县人大 市人大 区人大 类别 公开 同意 主动 办复 感谢 关心 支持 继续 以来 问题 方面 提出
  反映 予以 根据 结合 通过 已经 正在 及时 落实 实施 做好 提供 确保 全面 不断 重视 高度 特此 联系 附件 年 月 日
  特此函复 特此答复 专此答复 函复 此复 一步 继续加强 列入 认真研究 研究 如下 现将 答复如下 办理情况 进行了 积极争取
  争取 力争 努力 切实 稳步 有序 持续 逐步 加大 加快 提升 完善 推动 组织 实际 具体 按照 要求 我们将 将进一步`.split(
    /\s+/u,
  ),
);

const MEANINGFUL = /\p{Script=Han}{2,}|[a-z][a-z0-9]+/iu;

/**
 * The letter's top keywords by TF-IDF (jieba's extract), without the genre's own words, numbers and the
 * names given in `exclude` (the issuer, proposers, contact: those are fields already).
 * Null while jieba is not loaded: it is loaded once per process, by search, with the archive's user
 * dictionary (loading it here first would leave that dictionary out).
 */
export function extractKeywords(
  text: string,
  exclude: readonly string[] = [],
  count = KEYWORD_COUNT,
): string[] | null {
  if (!isJiebaLoaded()) return null;
  const names = exclude.filter((name) => name.length >= 2);
  const out: string[] = [];
  for (const { word } of nodejieba.extract(text, count * 4)) {
    if (out.length >= count) break;
    if (GENRE_WORDS.has(word) || !MEANINGFUL.test(word) || /^\d/u.test(word)) continue;
    if (names.some((name) => name.includes(word))) continue;
    if (!out.includes(word)) out.push(word);
  }
  return out;
}

/** Whether keywords can be extracted now without first loading jieba. */
export function keywordsReady(): boolean {
  return isJiebaLoaded();
}
