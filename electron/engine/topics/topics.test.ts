import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reparseAll } from '../records/letter-queries';
import { letterDetail } from '../records/letter-view';
import { loadJieba } from '../search/jieba';
import { insertTexts, openSearchDatabase } from '../search/search-test-support';
import { temporaryFolder } from '../test-support';
import { classifyTopic, compileRules } from './classify';
import { DEFAULT_TOPIC_RULES, OTHER_TOPIC } from './default-rules';
import {
  assignTopic,
  fillKeywords,
  onTopicsChanged,
  setTopicRules,
  TopicBackground,
  topicNames,
} from './index';
import { letterAbout, LETTERS_BY_TOPIC } from './topic-test-support';

const defaults = compileRules(DEFAULT_TOPIC_RULES);
const classify = (proposalTitle: string | null, body: string, title: string | null = null) =>
  classifyTopic({ proposalTitle, title, body }, defaults);

describe('classifying a letter by the default taxonomy', () => {
  it.each(LETTERS_BY_TOPIC)('puts a letter about $topic under $topic', ({ topic, text }) => {
    const [title, , receipt] = text.split('\n');
    const proposalTitle = /《(.+)》/u.exec(receipt ?? '')?.[1] ?? null;
    expect(classify(proposalTitle, text, title ?? null)).toBe(topic);
  });

  it('weighs the proposal title over a body that talks about something else at length', () => {
    const body =
      '我局高度重视，组织人员对学校周边道路开展调研。'.repeat(3) + '道路交通公交客运桥梁'.repeat(5);
    expect(classify('关于改善农村学校办学条件的建议', body)).toBe('教育');
  });

  it('reads the subject from the body when the proposal title is missing', () => {
    expect(classify(null, '关于景区建设。今年新建旅游厕所，提升景区游客服务中心，推介文旅品牌。')).toBe(
      '文化旅游',
    );
  });

  it('lets the longer keyword win where two overlap (环境卫生 is not 医疗卫生)', () => {
    expect(classify('关于加强集镇环境卫生整治的建议', '')).toBe('城乡建设');
    expect(classify('关于改善神农卫生院就医环境的建议', '')).toBe('医疗卫生');
  });

  it('says 其他 when nothing matches well', () => {
    expect(classify('关于某事项的建议', '您的来信收悉，现答复如下。此复。')).toBe(OTHER_TOPIC);
  });

  it('classifies by the user’s own rules (full-width keywords match too)', () => {
    const rules = compileRules([{ topic: '数字乡村', keywords: ['５Ｇ基站', '宽带'] }]);
    expect(classifyTopic({ proposalTitle: '关于建设5G基站的建议', title: null, body: '' }, rules)).toBe(
      '数字乡村',
    );
  });
});

describe('topics in the archive', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let db: Database;

  beforeEach(() => {
    folder = temporaryFolder('huihan-topics');
    db = openSearchDatabase(folder.path);
  });
  afterEach(() => {
    db.close();
    folder.remove();
  });

  const topicOf = (id: number) => letterDetail(db, id).topic;

  it('gives every stored letter its topic, browsable and listed', () => {
    const ids = insertTexts(
      db,
      LETTERS_BY_TOPIC.map((letter) => letter.text),
    );
    expect(ids.map(topicOf)).toEqual(LETTERS_BY_TOPIC.map((letter) => letter.topic));
    expect(topicNames(db)).toEqual(expect.arrayContaining(['人才', '交通', OTHER_TOPIC]));
  });

  it('keeps the user’s topic through re-parsing and rule changes, and reverts to the computed one', () => {
    const [roads, schools] = insertTexts(db, [LETTERS_BY_TOPIC[3]!.text, LETTERS_BY_TOPIC[1]!.text]) as [
      number,
      number,
    ];
    expect(topicOf(roads)).toBe('交通');
    assignTopic(db, roads, '乡村振兴');
    expect(letterDetail(db, roads)).toMatchObject({
      topic: '乡村振兴',
      topicAuto: '交通',
      topicAssigned: true,
    });

    reparseAll(db);
    expect(topicOf(roads)).toBe('乡村振兴');

    const changes: number[][] = [];
    onTopicsChanged(db, (ids) => changes.push(ids));
    const result = setTopicRules(db, [{ topic: '学校建设', keywords: ['校舍', '学校'] }]);
    expect(result.reclassified).toBe(2);
    expect(topicOf(roads)).toBe('乡村振兴');
    expect(letterDetail(db, roads).topicAuto).toBe(OTHER_TOPIC);
    expect(topicOf(schools)).toBe('学校建设');
    expect(changes.flat()).toEqual([schools]);

    assignTopic(db, roads, null);
    expect(letterDetail(db, roads)).toMatchObject({ topic: OTHER_TOPIC, topicAssigned: false });

    setTopicRules(db, []);
    expect(topicOf(roads)).toBe('交通');
    expect(topicOf(schools)).toBe('教育');
  });

  it('re-classifies a letter whose proposal title the user corrected', async () => {
    const { updateCorrections } = await import('../records/letter-queries');
    const [id] = insertTexts(db, [LETTERS_BY_TOPIC[3]!.text]) as [number];
    updateCorrections(db, { id, corrections: { proposal_title: '关于完善居家养老服务的提案' } });
    expect(topicOf(id)).toBe('民政养老');
  });

  it('classifies, in the background, letters stored before topics existed', () => {
    const ids = insertTexts(
      db,
      LETTERS_BY_TOPIC.map((letter) => letter.text),
    );
    db.prepare('UPDATE letters SET topic = NULL').run();
    db.prepare('DELETE FROM letter_topics').run();
    expect(topicOf(ids[0]!)).toBeNull();
    const background = new TopicBackground(db);
    while (background.step()) {
      if (ids.every((id) => topicOf(id) !== null)) break;
    }
    background.stop();
    expect(ids.map(topicOf)).toEqual(LETTERS_BY_TOPIC.map((letter) => letter.topic));
  });

  it('re-classifies a large archive partly at once and the rest in the background', () => {
    const ids = insertTexts(
      db,
      LETTERS_BY_TOPIC.map((letter) => letter.text),
    );
    const background = new TopicBackground(db);
    const result = setTopicRules(db, [{ topic: '学校建设', keywords: ['校舍', '学校'] }], { syncLimit: 3 });
    expect(result).toMatchObject({ reclassified: 3, pending: ids.length - 3 });
    expect(ids.slice(3).map(topicOf)).toEqual(LETTERS_BY_TOPIC.slice(3).map((letter) => letter.topic));
    while (background.step()) {
      // the background's own steps, run here one after another
    }
    background.stop();
    expect(ids.map(topicOf).filter((topic) => topic !== OTHER_TOPIC)).toEqual(['学校建设']);
  });

  it('extracts the letter’s keywords without the genre’s own words', () => {
    const [id] = insertTexts(db, [
      letterAbout('关于加快人才公寓建设的提案', [
        '近年来，我市围绕人才公寓建设持续发力，建成人才公寓800套，为高层次人才提供拎包入住服务。',
        '人才公寓实行租金优惠，引进人才可申请入住人才公寓。',
      ]),
    ]) as [number];
    expect(letterDetail(db, id).keywords).toBeNull();
    loadJieba();
    expect(fillKeywords(db, [id])).toBe(1);
    const keywords = letterDetail(db, id).keywords ?? [];
    expect(keywords).toContain('人才');
    expect(keywords.length).toBeGreaterThan(2);
    expect(keywords).not.toContain('提案');
    expect(keywords).not.toContain('答复');
  });
});
