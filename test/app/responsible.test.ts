// /ansvarig and /påminnelsetid through the app: who may change them, what is stored and audited,
// and a clear Swedish answer (with nothing stored) for everything else.
import { expect } from 'chai';
import { COORDINATOR_ONLY } from '../../src/app/context.js';
import { ANNA, BERIT, harness, readable, SAMORDNARE } from '../support/harness.js';

const TEAMS_BERIT = { id: '29:berit', name: 'Berit Berg' };

describe('/ansvarig: who is responsible for an activity', () => {
  it('a coordinator names people by @mention in a channel, lists and removes them; each change is in the history and the audit log', async () => {
    const h = await harness({ now: '2020-10-14T10:00:00+02:00' });
    const inChannel = (text: string, mentioned = [TEAMS_BERIT]) =>
      h.app.handle({
        user: SAMORDNARE,
        conversation: { id: '19:ssg', kind: 'channel' },
        text: `${text} ${mentioned.map((m) => m.name).join(' ')}`.trim(),
        mentioned,
        mentionsBot: true,
      });
    expect(readable(await inChannel('/ansvarig sig'))).to.include('✅ Berit Berg är nu ansvarig för SIG-ärenden.');
    expect(readable(await inChannel('/ansvarig sig'))).to.include('Berit Berg var redan ansvarig.');
    expect(readable(await h.say('/ansvarig sig'))).to.equal('Ansvariga för SIG-ärenden: Berit Berg.');
    expect(readable(await h.say('/ansvarig'))).to.include('• SIG-ärenden: Berit Berg');
    expect(readable(await h.say('/status'))).to.include('ansvarig: Berit Berg');

    expect(readable(await inChannel('/ansvarig sig ta bort'))).to.include(
      '✅ Berit Berg är inte längre ansvarig för SIG-ärenden. Ansvariga: ingen.',
    );
    expect((await h.port.areas.area('jonkoping'))?.responsible).to.deep.equal([]);
    expect((await h.port.areas.history('jonkoping')).map((c) => [c.action, c.detail])).to.deep.include.members([
      ['responsibleAdded', 'sig: Berit Berg'],
      ['responsibleRemoved', 'sig: Berit Berg'],
    ]);
    const audited = (await h.port.audit.read()).filter((r) => r.action === 'responsible.changed');
    expect(audited.map((r) => r.by.id)).to.deep.equal(['aad-sam', 'aad-sam']);
    expect(readable(await h.say('/historik', { user: SAMORDNARE }))).to.include('gjorde någon ansvarig');
  });

  it('in a personal chat a UPN names someone; a plain name is asked about, and nothing is stored', async () => {
    const h = await harness({ now: '2020-10-14T10:00:00+02:00' });
    expect(readable(await h.say('/ansvarig torsdagsmöte berit.berg@jonkoping.se', { user: SAMORDNARE }))).to.include(
      '✅ berit.berg@jonkoping.se är nu ansvarig för Torsdagsmöte Öxnehaga.',
    );
    expect(readable(await h.say('/ansvarig torsdagsmöte Berit', { user: SAMORDNARE }))).to.include(
      'Jag vet inte vem "Berit" är',
    );
    expect(readable(await h.say('/ansvarig flygplan @x', { user: SAMORDNARE }))).to.include(
      'Jag hittar ingen aktivitet "flygplan @x"',
    );
    expect((await h.port.areas.area('jonkoping'))?.responsible?.[0]?.people.map((p) => p.upn)).to.deep.equal([
      'berit.berg@jonkoping.se',
    ]);
  });

  it('only a coordinator changes who is responsible', async () => {
    const h = await harness({ now: '2020-10-14T10:00:00+02:00' });
    expect(readable(await h.say('/ansvarig sig anna@jonkoping.se', { user: BERIT }))).to.equal(COORDINATOR_ONLY);
    expect((await h.port.areas.area('jonkoping'))?.responsible).to.equal(undefined);
  });
});

describe('/påminnelsetid', () => {
  it('shows the default, is set by a coordinator on a weekday, and is refused on a weekend or for others', async () => {
    const h = await harness({ now: '2020-10-14T10:00:00+02:00' });
    expect(readable(await h.say('/påminnelsetid'))).to.include('varje måndag kl. 09:00 (standard)');
    expect(readable(await h.say('/påminnelsetid tisdag 08:30'))).to.equal(COORDINATOR_ONLY);
    expect(readable(await h.say('/påminnelsetid lördag 08:30', { user: SAMORDNARE }))).to.include(
      'Påminnelser skickas inte på helger.',
    );
    expect(readable(await h.say('/påminnelsetid tisdag 08:30', { user: SAMORDNARE }))).to.equal(
      '✅ Påminnelserna går nu ut varje tisdag kl. 08:30; nästa gång tisdag 20 oktober 2020 kl. 08:30. En helgdag flyttar dem till nästa arbetsdag.',
    );
    expect((await h.port.areas.area('jonkoping'))?.reminderTime).to.deep.include({ weekday: 2, time: '08:30' });
    expect((await h.port.audit.read()).filter((r) => r.action === 'reminders.changed')).to.have.length(1);
    expect(readable(await h.say('/påminnelser', { user: ANNA }))).to.include('Du är inte ansvarig för någon aktivitet');
  });
});
