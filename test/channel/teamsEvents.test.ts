// Teams conversationUpdate events as the turn reads them (channelData.eventType, .channel, .team).
import { expect } from 'chai';
import { teamsConversationEventOf } from '../../src/channel/activityInput.js';

const update = (channelData: Record<string, unknown>) => ({ type: 'conversationUpdate', channelData });
const TEAM = { id: '19:team@thread.tacv2', name: 'Polisen' };
const CHANNEL = { id: '19:ssg@thread.tacv2', name: 'SSG' };

describe('Teams channel and team events', () => {
  it('reads each event Teams sends about a channel or a team', () => {
    expect(
      teamsConversationEventOf(update({ eventType: 'channelRenamed', channel: CHANNEL, team: TEAM })),
    ).to.deep.equal({ kind: 'channelRenamed', channelId: CHANNEL.id, name: 'SSG' });
    for (const kind of ['channelDeleted', 'channelRestored'] as const)
      expect(teamsConversationEventOf(update({ eventType: kind, channel: CHANNEL, team: TEAM }))).to.deep.equal({
        kind,
        channelId: CHANNEL.id,
      });
    for (const kind of ['teamDeleted', 'teamArchived', 'teamUnarchived', 'teamRestored'] as const)
      expect(teamsConversationEventOf(update({ eventType: kind, team: TEAM }))).to.deep.equal({
        kind,
        teamId: TEAM.id,
      });
    // A hard deletion ends the subscriptions as a deletion does.
    expect(teamsConversationEventOf(update({ eventType: 'teamHardDeleted', team: TEAM }))).to.deep.equal({
      kind: 'teamDeleted',
      teamId: TEAM.id,
    });
  });

  it('ignores other events, other activities, and events without the ids or name they need', () => {
    for (const activity of [
      update({ eventType: 'teamRenamed', team: TEAM }),
      update({ eventType: 'teamMemberAdded', team: TEAM }),
      update({ eventType: 'channelCreated', channel: CHANNEL, team: TEAM }),
      update({ eventType: 'channelRenamed', channel: { id: CHANNEL.id }, team: TEAM }),
      update({ eventType: 'channelRenamed', channel: { id: CHANNEL.id, name: '  ' }, team: TEAM }),
      update({ eventType: 'channelDeleted', channel: { name: 'SSG' }, team: TEAM }),
      update({ eventType: 'teamArchived', team: { id: 42 } }),
      update({ eventType: 'teamArchived' }),
      { type: 'message', channelData: { eventType: 'teamArchived', team: TEAM } },
      { type: 'conversationUpdate' },
    ])
      expect(teamsConversationEventOf(activity), JSON.stringify(activity)).to.equal(undefined);
  });
});
