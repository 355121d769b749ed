// Teams @mentions in a message's text. Teams writes every mention as `<at>Name</at>` with the name
// HTML-encoded ("Berit &amp; Co"); the mention entity names who was meant and may lack its `text`.
// What reaches the app is plain text: the bot's own mention gone, other people as their names.
import type { ChannelActivity } from './activity.js';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML character references as Teams sends them ("&amp;", "&nbsp;", "&#228;", "&#xE4;") decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/giu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const MENTION = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/giu;

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();
}

/** The names the bot goes by in this message: its own, and what its mention entities say. */
function botNames(activity: ChannelActivity): string[] {
  const names = activity.recipient?.name ? [activity.recipient.name] : [];
  for (const entity of activity.entities ?? []) {
    const e = entity as { type?: unknown; mentioned?: { id?: unknown; name?: unknown }; text?: unknown };
    if (e.type !== 'mention' || e.mentioned?.id !== activity.recipient?.id) continue;
    if (typeof e.mentioned?.name === 'string') names.push(e.mentioned.name);
    if (typeof e.text === 'string') for (const m of e.text.matchAll(MENTION)) names.push(decodeEntities(m[1] ?? ''));
  }
  return names.filter((n) => n.trim().length > 0);
}

/**
 * The text the user meant for the bot. Teams writes every @mention as `<at>Name</at>` with the
 * name HTML-encoded ("Berit &amp; Co"), and the mention entity may lack its `text`. The bot's
 * own mention is removed; when text follows it, that is the command, so a colleague mentioned
 * first ("<at>Berit</at> <at>Bot</at> /logga …") does not stop it. Other people's mentions become
 * their plain names; no markup or character reference is left.
 */
export function commandText(activity: ChannelActivity): string {
  const raw = activity.text ?? '';
  const names = botNames(activity);
  const parts: { text: string; bot: boolean }[] = [];
  let last = 0;
  for (const m of raw.matchAll(MENTION)) {
    parts.push({ text: decodeEntities(raw.slice(last, m.index)), bot: false });
    const name = decodeEntities(m[1] ?? '').replace(/<[^>]*>/gu, '');
    const bot = names.some((n) => sameName(n, name));
    parts.push({ text: bot ? '' : name, bot });
    last = m.index + m[0].length;
  }
  parts.push({ text: decodeEntities(raw.slice(last)), bot: false });
  const lastBot = parts.map((p) => p.bot).lastIndexOf(true);
  const after = lastBot >= 0 ? parts.slice(lastBot + 1) : [];
  const chosen =
    after
      .map((p) => p.text)
      .join('')
      .trim().length > 0
      ? after
      : parts;
  return chosen
    .map((p) => p.text)
    .join('')
    .replace(/<\/?at[^>]*>/giu, '')
    .trim();
}

/** True when the message @mentions the bot (by entity, or by `<at>` markup naming it). */
export function mentionsBot(activity: ChannelActivity): boolean {
  const names = botNames(activity);
  const byEntity = (activity.entities ?? []).some(
    (e) =>
      (e as { type?: unknown }).type === 'mention' &&
      (e as { mentioned?: { id?: unknown } }).mentioned?.id === activity.recipient?.id,
  );
  return (
    byEntity ||
    [...(activity.text ?? '').matchAll(MENTION)].some((m) => names.some((n) => sameName(n, decodeEntities(m[1] ?? ''))))
  );
}

/**
 * The people the message @mentions other than the bot, once each, in the order of their mention
 * entities: the Teams user id (29:…) and the name (decoded), what /ansvarig stores.
 */
export function mentionedPeople(activity: ChannelActivity): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  for (const entity of activity.entities ?? []) {
    const e = entity as { type?: unknown; mentioned?: { id?: unknown; name?: unknown } };
    const id = e.mentioned?.id;
    if (e.type !== 'mention' || typeof id !== 'string' || id.length === 0 || id === activity.recipient?.id) continue;
    if (out.some((p) => p.id === id)) continue;
    const name = typeof e.mentioned?.name === 'string' ? decodeEntities(e.mentioned.name).trim() : '';
    out.push({ id, name: name.slice(0, 200) });
  }
  return out;
}
