// The meeting rules as pure functions: one per conversation, ended and resumed by selection, held,
// and each week's agenda card claimed once.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  activeMeetings,
  claimMeetingWeek,
  endMeetings,
  holdMeetings,
  releaseMeetings,
  renameMeetings,
  resumeMeetings,
  setMeeting,
  type MeetingSetting,
} from '../../src/domain/meetingChange.js';

const ANNA = { id: 'aad-anna', name: 'Anna' };
const AT = '2020-03-14T18:00:00.000Z';
const setting = (conversationId: string, teamId?: string): MeetingSetting => ({
  conversationId,
  ...(teamId ? { teamId } : {}),
  conversationName: 'Möte',
  areaId: 'jonkoping',
  reference: {},
  weekday: 2,
  time: '09:00',
  activityId: 'ssg',
  since: AT,
  by: ANNA,
});

describe('meeting transitions', () => {
  it('sets one meeting per conversation; setting it again keeps its id and runs it again', () => {
    const first = setMeeting([], setting('m1'), () => 'a');
    const ended = endMeetings(first.records, { conversationId: 'm1' }, { at: AT, by: ANNA });
    expect(activeMeetings(ended.records)).to.deep.equal([]);
    const again = setMeeting(ended.records, { ...setting('m1'), weekday: 3 }, () => 'b');
    expect(again.result).to.deep.include({ id: 'a', weekday: 3 });
    expect(again.result.ended).to.equal(undefined);
    expect(again.records).to.have.length(1);
  });

  it('resumes only meetings Teams ended, holds and releases a team, renames with the old name', () => {
    let list = setMeeting([], setting('ch1', 't1'), () => 'a').records;
    list = setMeeting(list, setting('t1'), () => 'b').records;
    list = endMeetings(list, { conversationId: 't1' }, { at: AT, by: ANNA }).records;
    list = endMeetings(list, { teamId: 't1' }, { at: AT, by: ANNA, reason: 'teamDeleted' }).records;
    const resumed = resumeMeetings(list, { teamId: 't1' }, 'teamDeleted');
    expect(resumed.result.map((m) => m.id)).to.deep.equal(['a']);
    const held = holdMeetings(resumed.records, 't1', { at: AT, reason: 'teamArchived' });
    expect(activeMeetings(held.records)).to.deep.equal([]);
    expect(releaseMeetings(held.records, 't1').result.map((m) => m.id)).to.deep.equal(['a']);
    expect(renameMeetings(list, 'ch1', 'Ny').result.map((r) => r.from)).to.deep.equal(['Möte']);
  });

  it('claims a week only when it is later than every week claimed before', () => {
    const weeks = fc.array(fc.integer({ min: 1, max: 53 }), { maxLength: 20 });
    fc.assert(
      fc.property(weeks, (ws) => {
        let list = setMeeting([], setting('m1'), () => 'a').records;
        let latest = 0;
        for (const w of ws) {
          const week = `2020-W${String(w).padStart(2, '0')}`;
          const { records, result } = claimMeetingWeek(list, 'a', week, '2020-01-01');
          expect(result).to.equal(w > latest);
          if (result) latest = w;
          list = records;
        }
        expect(claimMeetingWeek(list, 'nope', '2020-W53', '2020-12-31').result).to.equal(false);
      }),
    );
  });
});
