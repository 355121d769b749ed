// What the bot tells an area's coordinators, in their personal chat, when Teams deleted a channel or
// team, or archived a team, that a weekly summary or a meeting's agenda card goes to: which channel,
// what happened to it, and what would bring it back.

/** A weekly summary or a meeting ended or held because of what Teams said about its channel or team. */
export interface ChannelChange {
  event: 'channelDeleted' | 'teamDeleted' | 'teamArchived';
  /** The weekly summary, or the meeting set for the activity named. */
  what: { kind: 'subscription' } | { kind: 'meeting'; activity: string };
  /** The channel's name, when Teams told it. */
  name?: string;
  /** The team's General channel (Teams gives it no name). */
  general?: boolean;
}

function channelWords(change: ChannelChange): string {
  const name = change.name?.trim();
  if (name) return `kanalen ${name}`;
  return change.general ? 'teamets allmänna kanal' : 'en kanal utan namn';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One sentence a change: "Kanalen SSG togs bort i Teams – veckosammanfattningen dit har avslutats.
 * Återställs kanalen fortsätter den." Several changes (a deleted team's channels) are one message.
 */
export function channelChangeText(changes: readonly ChannelChange[]): string {
  return changes
    .map((change) => {
      const channel = channelWords(change);
      const isMeeting = change.what.kind === 'meeting';
      const thing = change.what.kind === 'meeting' ? `mötet ${change.what.activity} där` : 'veckosammanfattningen dit';
      const it = isMeeting ? 'det' : 'den';
      switch (change.event) {
        case 'channelDeleted':
          return `${capitalised(channel)} togs bort i Teams – ${thing} har avslutats. Återställs kanalen fortsätter ${it}.`;
        case 'teamDeleted':
          return `Teamet som ${channel} hör till togs bort i Teams – ${thing} har avslutats. Återställs teamet fortsätter ${it}.`;
        case 'teamArchived':
          return `Teamet som ${channel} hör till arkiverades i Teams – ${thing} är ${isMeeting ? 'pausat (ingen dagordning läggs ut)' : 'pausad'}. ${capitalised(it)} fortsätter när teamet tas ur arkivet.`;
      }
    })
    .join('\n\n');
}
