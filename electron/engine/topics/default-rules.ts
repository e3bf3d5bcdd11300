/** The default taxonomy lives in shared/ so that the settings screen can show it and reset to it. */
export { DEFAULT_TOPIC_RULES, OTHER_TOPIC } from '../../../shared/default-topic-rules';
