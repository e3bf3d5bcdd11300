import iconv from 'iconv-lite';
import { NodeType, TextNode, parse } from 'node-html-parser';
import type { HTMLElement, Node } from 'node-html-parser';
import { decodeText } from './decode-text';
import { toParagraphLines } from './paragraphs';
import { IngestError } from './types';

/** Elements that never hold a letter's text. */
const DROP_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'nav',
  'footer',
  'aside',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'label',
  'svg',
  'canvas',
  'object',
  'embed',
  'map',
  'link',
  'meta',
]);

/** Elements that start and end a line of text. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'header',
]);

/**
 * Parts of class and id names that mark page chrome on government sites (navigation,
 * breadcrumbs 当前位置, share/print bars, previous/next links, footers). Matched against the
 * pieces of each class or id split at - and _, so `art-share` and `footer_box` match.
 */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menus',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'position',
  'location',
  'dqwz',
  'weizhi',
  'share',
  'bdshare',
  'print',
  'pager',
  'pagination',
  'prevnext',
  'sxp',
  'footer',
  'foot',
  'copyright',
  'banner',
  'sidebar',
  'toolbar',
  'topbar',
  'skip',
  'related',
  'xgwz',
]);

/** Labels of the metadata block government sites put above an article. */
const META_LABEL =
  /(?:索引号|发布机构|发文机关|发文机构|发布日期|发文日期|成文日期|生成日期|主题分类|体裁分类|组配分类|公开方式|公开时限|公开范围|信息来源|文章来源|浏览次数|访问次数|点击数|阅读次数|有效性|责任编辑)\s*[：:]/g;

/** Lines of page chrome, recognised by their wording. */
const CHROME_LINES: RegExp[] = [
  // Metadata fields: 索引号：…  发布机构：…  来源：…  字号：【大 中 小】
  /^(?:索引号|发布机构|发文机关|发文机构|发布日期|发文日期|成文日期|生成日期|发布时间|更新时间|主题分类|体裁分类|组配分类|公开方式|公开时限|公开范围|信息来源|文章来源|来源|浏览次数|访问次数|点击数|阅读次数|有效性|责任编辑|作者|编辑|字号|字体)\s*[：:]/,
  // Toolbars: 【打印】【关闭窗口】 分享到 收藏 返回顶部 【字体：大 中 小】
  /^(?:[\s【】[\]（）()|｜:：·•/]*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|分享(?:到)?|收藏(?:本页)?|返回(?:顶部|首页|列表)?|字体|字号|默认|[大中小]|扫一扫|在手机(?:上)?(?:打开|浏览)|手机扫码|微信|微博|QQ空间|QQ|保存|纠错|【|】)[\s【】[\]（）()|｜:：·•/]*)+$/,
  // Previous / next article.
  /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[：:]?/,
  // Breadcrumbs: 当前位置：首页 > 政务公开 > …
  /^(?:当前位置|您现在的位置|您的位置|您所在的位置|所在位置|现在位置)\s*[：:]?/,
  /^(?:首页|网站首页)\s*(?:[>»＞›/]\s*[^>»＞›/]+){1,}$/,
  // Footer: copyright, ICP and police registration, site id, technical support, site map.
  /(?:版权所有|copyright|©|ICP\s*备|ICP\s*证|公网安备|网站标识码|网站识别码|技术支持\s*[：:]|网站地图|联系我们|建议使用.{0,20}浏览器|分辨率.{0,8}\d{3,4}\s*[*×xX])/i,
];

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

function tagOf(el: HTMLElement): string {
  return (el.rawTagName || '').toLowerCase();
}

function isChromeByName(el: HTMLElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (!names.trim()) return false;
  for (const token of names.split(/\s+/)) {
    for (const part of token.split(/[-_]+/)) {
      if (CHROME_WORDS.has(part)) return true;
    }
  }
  return false;
}

function isInside(el: HTMLElement, tags: string[]): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (tags.includes(tagOf(p))) return true;
  return false;
}

/** A small block holding two or more metadata labels (the 索引号/发布机构/发布日期 table). */
function isMetadataBlock(el: HTMLElement): boolean {
  const tag = tagOf(el);
  if (!['table', 'div', 'ul', 'dl', 'section'].includes(tag)) return false;
  const text = el.text;
  if (text.length > 600) return false;
  return (text.match(META_LABEL)?.length ?? 0) >= 2;
}

/** Removes chrome elements from the tree, in place. */
function stripChrome(el: HTMLElement): void {
  for (const child of [...el.childNodes]) {
    if (!isElement(child)) continue;
    const tag = tagOf(child);
    const drop =
      DROP_TAGS.has(tag) ||
      (tag === 'header' && !isInside(child, ['article', 'main'])) ||
      (isChromeByName(child) && child.text.replace(/\s+/g, '').length < 400) ||
      isMetadataBlock(child);
    if (drop) child.remove();
    else stripChrome(child);
  }
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ');
}

/** Text length outside links, per element: navigation is mostly links, a letter is not. */
function measure(el: HTMLElement, sizes: Map<HTMLElement, number>, inLink: boolean): number {
  let total = 0;
  const link = inLink || tagOf(el) === 'a';
  for (const child of el.childNodes) {
    if (isElement(child)) total += measure(child, sizes, link);
    else if (child instanceof TextNode && !link) total += child.text.replace(/\s+/g, '').length;
  }
  sizes.set(el, total);
  return total;
}

/** The deepest element that still holds most of the page's text: the article. */
function mainContainer(root: HTMLElement): HTMLElement {
  const sizes = new Map<HTMLElement, number>();
  measure(root, sizes, false);
  let current = root;
  for (;;) {
    const own = sizes.get(current) ?? 0;
    let best: HTMLElement | null = null;
    let bestSize = 0;
    for (const child of current.childNodes) {
      if (!isElement(child)) continue;
      const size = sizes.get(child) ?? 0;
      if (size > bestSize) {
        best = child;
        bestSize = size;
      }
    }
    if (!best || own === 0 || bestSize < own * 0.8) return current;
    current = best;
  }
}

/** Renders an element's text with block elements and <br> as line breaks. */
function renderLines(el: HTMLElement): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    if (line.trim()) lines.push(line);
    line = '';
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node instanceof TextNode) {
      const text = node.text;
      if (pre) {
        const parts = text.split(/\r?\n/);
        parts.forEach((part, i) => {
          if (i > 0) flush();
          line += part;
        });
      } else {
        line += collapse(text);
      }
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if ((tag === 'td' || tag === 'th') && line.trim()) line += ' ';
    for (const child of node.childNodes) walk(child, pre || tag === 'pre');
    if (block) flush();
  };
  walk(el, false);
  flush();
  return lines;
}

/** A letter's own title line: 关于对…第018号提案的答复, …建议的答复函, …办理情况的函. */
const OWN_TITLE =
  /^(?:关于|对).{2,100}(?:答\s*复|回\s*复|复\s*函|的\s*函|办理情况|办理意见)[。]?$|答\s*复\s*函?$/;

/** The page's headline, when the article container does not include one. */
function headline(root: HTMLElement, container: HTMLElement): string | null {
  const candidates = root.querySelectorAll('h1, h2, .title, .tit, .article-title, .art_title, .bt');
  for (const c of candidates) {
    if (c === container || isAncestor(container, c)) continue;
    const text = collapse(c.text).trim();
    if (text.length >= 5 && text.length <= 150) return text;
  }
  return null;
}

function isAncestor(ancestor: HTMLElement, el: HTMLElement): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}

/**
 * The letter in a web page saved from a government site: page chrome (navigation, metadata
 * table, toolbars, previous/next links, breadcrumbs, footer) removed, one paragraph per line.
 * The page headline is kept as the first line when the letter carries no title of its own.
 */
export function extractHtml(html: string): string {
  let root: HTMLElement;
  try {
    root = parse(html, {
      comment: false,
      lowerCaseTagName: true,
      blockTextElements: { script: true, style: true, noscript: true, pre: true, textarea: true },
    });
  } catch (err) {
    throw new IngestError('corrupt', '网页文件已损坏，无法读取。', { cause: err });
  }
  const pageTitle = collapse(root.querySelector('title')?.text ?? '').trim();
  const body = root.querySelector('body') ?? root;
  stripChrome(body);
  const container = mainContainer(body);
  const lines = renderLines(container)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l && !CHROME_LINES.some((re) => re.test(l)));

  const ownTitle = lines.slice(0, 6).some((l) => OWN_TITLE.test(l) && l.length <= 150);
  if (!ownTitle) {
    const head = headline(body, container) ?? (pageTitle.split(/\s*(?:[_|｜]|--|—|\s-\s)\s*/)[0] || null);
    const flat = lines.slice(0, 6).join('').replace(/\s/g, '');
    if (head && !flat.includes(head.replace(/\s/g, '')) && !CHROME_LINES.some((re) => re.test(head))) {
      lines.unshift(head);
    }
  }
  return toParagraphLines(lines.join('\n'));
}

const LEGACY_CHARSETS: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  utf8: 'utf-8',
};

/**
 * Decodes an HTML file: a BOM first, then the charset its <meta> declares (GBK pages are
 * common), then detection. Throws IngestError (corrupt) when no encoding fits.
 */
export function decodeHtmlBytes(bytes: Buffer, declared?: string): string {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom) {
    const meta = /<meta[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(
      bytes.subarray(0, 8192).toString('latin1'),
    );
    const raw = (declared ?? meta?.[1] ?? '').toLowerCase();
    const charset = LEGACY_CHARSETS[raw] ?? raw;
    if (charset === 'utf-8') {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        // Declared UTF-8 but is not: fall through to detection.
      }
    } else if (charset && iconv.encodingExists(charset)) {
      return iconv.decode(bytes, charset);
    }
  }
  try {
    return decodeText(bytes).text;
  } catch (err) {
    throw new IngestError('corrupt', '网页文件的编码无法识别，无法读取。', { cause: err });
  }
}
