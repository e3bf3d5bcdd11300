import { useState } from 'react';
import { useSettings } from '../hooks/useSettings';
import { ArchiveLocationSection } from './settings/ArchiveLocationSection';
import { CustomDictionarySection } from './settings/CustomDictionarySection';
import { FollowUpAuthorSection } from './settings/FollowUpAuthorSection';
import { TopicRulesEditor } from './TopicRulesEditor';
import '../settings.css';

/**
 * 设置: the archive folder (and moving it), the custom dictionary, the topic rules and the name
 * follow-ups are signed with. Settings are kept by the host; the engine gets what it needs from it.
 */
export function SettingsPane({
  letterCount,
  onArchiveMoved,
}: {
  letterCount: number | null;
  /** The archive now lives elsewhere: reload what the window shows. */
  onArchiveMoved: () => void;
}) {
  const { settings, error, save } = useSettings();
  const [topicMessage, setTopicMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section className="pane pane-settings" aria-label="设置">
      <h2 className="settings-title">设置</h2>
      {error && (
        <p className="settings-problem" role="alert">
          {error}
        </p>
      )}
      <ArchiveLocationSection letterCount={letterCount} onMoved={onArchiveMoved} />
      {settings && (
        <>
          <CustomDictionarySection settings={settings} save={save} />
          {/* Before the topic rules, whose long list would push it out of sight. */}
          <FollowUpAuthorSection settings={settings} save={save} />
          <section className="settings-section" aria-labelledby="settings-topics-title">
            <h3 id="settings-topics-title">主题规则</h3>
            <p className="settings-help">
              每封回函按提案标题、标题和正文中出现的关键词归入一个主题；修改规则后全部回函重新归类（手工指定的主题不变）。
            </p>
            <TopicRulesEditor
              rules={settings.topicRules}
              onSave={(rules) => {
                setTopicMessage(null);
                save({ topicRules: rules }).then(
                  () => setTopicMessage({ ok: true, text: '主题规则已保存，回函已按新规则重新归类。' }),
                  (reason: unknown) => setTopicMessage({ ok: false, text: (reason as Error).message }),
                );
              }}
            />
            {topicMessage && (
              <p className={topicMessage.ok ? 'settings-ok' : 'settings-problem'} role="status">
                {topicMessage.text}
              </p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
