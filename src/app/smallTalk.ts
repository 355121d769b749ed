// "hej", "tack", "hur ligger vi till?": the answer (src/views/smallTalkTexts.ts).
import type { SmallTalk } from '../domain/command.js';
import { SMALL_TALK_ANSWERS } from '../views/smallTalkTexts.js';
import { text, type Reply } from './ports.js';

export function smallTalkReply(topic: SmallTalk): Reply[] {
  return [text(SMALL_TALK_ANSWERS[topic])];
}
