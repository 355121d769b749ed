// One deployment, two areas: what each user sees, who may bind a conversation, and that nothing
// crosses from one area to another (chat, forged card payloads, report links, coordinators).
import { expect } from 'chai';
import { COORDINATOR_ONLY } from '../../src/app/context.js';
import { publicationOf } from '../../src/app/followUpReview.js';
import { answerReportRequest } from '../../src/report/reportRoute.js';
import { followUpFromStore } from '../../src/report/reports.js';
import { cardsOf, readable, submitActions } from '../support/harness.js';
import {
  ADA_ADMIN,
  areasHarness,
  HANNA_HABO,
  JONNA_JKPG_SAM,
  KALLE_JKPG,
  PER_POLIS,
  SARA_HABO_SAM,
  SECRET,
  TENANT_POLIS,
  type Where,
} from '../support/areasHarness.js';
import { assertValidCard, CARD_BUDGET_BYTES } from '../support/adaptiveCardsSdk.js';
import { CapturingLogger } from '../support/fakes.js';
import { fileStoreOnly } from '../support/storeBackend.js';
import { setupAudit } from '../support/audit.js';

const CHANNEL: Where = { kind: 'channel', conversationId: '19:ssg', teamId: 'team-trygghet', tenant: TENANT_POLIS };
const OTHER_CHANNEL: Where = { ...CHANNEL, conversationId: '19:general' };

const QUESTION = 'Vilket område gäller här?';

describe('areas: each kommun sees its own area, without a question', () => {
  it('a Jönköping user and a Habo user log and read /status 2020 of their own area only', async () => {
    const h = await areasHarness();
    expect(readable(await h.say(KALLE_JKPG, '/logga gemensam krogtillsyn 2020-03-14'))).to.include('Loggat');
    expect(readable(await h.say(HANNA_HABO, '/logga kvällspatrull centrum 2020-03-14'))).to.include('Loggat');
    expect((await h.records.entries('jonkoping-2020')).map((e) => e.by.id)).to.deep.equal(['aad-kalle']);
    expect((await h.port.records('habo').entries('habo-2020')).map((e) => e.by.id)).to.deep.equal(['aad-hanna']);

    const jkpg = readable(await h.say(KALLE_JKPG, '/status 2020'));
    expect(jkpg).not.to.include(QUESTION);
    expect(jkpg).to.include('Gemensam krogtillsyn');
    expect(jkpg).not.to.include('Kvällspatrull');

    const habo = readable(await h.say(HANNA_HABO, '/status 2020'));
    expect(habo).not.to.include(QUESTION);
    expect(habo).to.include('Kvällspatrull i centrum');
    expect(habo).to.include('1 av 6');
    expect(habo).not.to.include('krogtillsyn');
  });

  it('a Habo user cannot reach a Jönköping activity by its words', async () => {
    const h = await areasHarness();
    const answer = readable(await h.say(HANNA_HABO, '/logga gemensam krogtillsyn 2020-03-14'));
    expect(answer).to.include('Jag hittar ingen aktivitet');
    expect(await h.everyEntry()).to.deep.equal([]);
  });

  it('"förra veckan" asks which day from the area\'s own agreements: a Habo-only activity gets the day card', async () => {
    const h = await areasHarness();
    // Skolbesök is Habo's alone; the question once read every area's agreements and refused it.
    const habo = readable(await h.say(HANNA_HABO, '/logga skolbesök förra veckan'));
    expect(habo).to.include('Välj en dag').and.include('Skolbesök').and.not.include('tydligare');
    const jkpg = readable(await h.say(KALLE_JKPG, '/logga skolbesök förra veckan'));
    expect(jkpg).to.include('Skriv dagen och aktiviteten tydligare').and.not.include('Välj en dag');
    expect(await h.everyEntry()).to.have.length(0);
  });

  it('a tenant in no area is told so, and nothing happens', async () => {
    const h = await areasHarness();
    const stranger = { ...KALLE_JKPG, id: '29:x', aadObjectId: 'aad-x', tenant: 'tenant-elsewhere' };
    expect(readable(await h.say(stranger, '/logga sig'))).to.equal('Den här boten är inte öppen för er organisation.');
    expect(readable(await h.say(stranger, '/område Habo'))).to.equal(
      'Den här boten är inte öppen för er organisation.',
    );
    expect(await h.everyEntry()).to.deep.equal([]);
  });
});

describe('areas: binding a conversation', () => {
  it('a police user in a channel is asked once; a non-coordinator cannot bind; Habo’s coordinator does; then the channel shows Habo', async () => {
    const h = await areasHarness();
    const asked = await h.say(PER_POLIS, '/status 2020', CHANNEL);
    const [question] = cardsOf(asked);
    expect(readable(asked)).to.include(QUESTION);
    const buttons = submitActions(question);
    expect(buttons.map((b) => b.areaId)).to.deep.equal(['jonkoping', 'habo']);
    const haboButton = buttons.find((b) => b.areaId === 'habo');

    const refused = readable(await h.submit(PER_POLIS, haboButton, CHANNEL));
    expect(refused).to.include('Bara en samordnare i Habo kommun kan välja område');
    expect(refused).to.include('sara.samordnare@habo.se');
    expect(await h.port.areas.binding('team', 'team-trygghet')).to.equal(undefined);
    expect(readable(await h.say(PER_POLIS, '/status 2020', CHANNEL))).to.include(QUESTION);

    // Jönköping's coordinator is no coordinator of Habo.
    expect(readable(await h.submit(JONNA_JKPG_SAM, haboButton, CHANNEL))).to.include('Bara en samordnare i Habo');

    const bound = readable(await h.submit(SARA_HABO_SAM, haboButton, CHANNEL));
    expect(bound).to.include('Den här kanalen och teamets andra kanaler arbetar nu i Habo kommun');
    // The command was Per's: it is not run as Sara.
    expect(bound).to.include('Den som skrev kommandot kan skriva det igen nu.');
    expect((await h.port.areas.binding('team', 'team-trygghet'))?.areaId).to.equal('habo');
    expect((await h.port.areas.history('habo')).at(-1)).to.deep.include({
      action: 'bound',
      by: { id: 'aad-sara', name: 'Sara Samordnare' },
    });

    const status = readable(await h.say(PER_POLIS, '/status 2020', CHANNEL));
    expect(status).not.to.include(QUESTION);
    expect(status).to.include('Kvällspatrull i centrum');
    expect(readable(await h.say(PER_POLIS, '/område', CHANNEL))).to.include('Här gäller Habo kommun');
    // Another channel of the team follows the team.
    expect(readable(await h.say(PER_POLIS, '/status 2020', OTHER_CHANNEL))).to.include('Kvällspatrull i centrum');
  });

  it('a channel bound by itself keeps its own area; the team’s others keep the team’s', async () => {
    const h = await areasHarness();
    await h.say(SARA_HABO_SAM, '/område Habo', CHANNEL);
    // "/område" in a channel binds that channel; the team is still unbound.
    expect((await h.port.areas.binding('conversation', '19:ssg'))?.areaId).to.equal('habo');
    expect(readable(await h.say(PER_POLIS, '/status 2020', OTHER_CHANNEL))).to.include(QUESTION);
    const [question] = cardsOf(await h.say(PER_POLIS, '/status 2020', OTHER_CHANNEL));
    const jkpg = submitActions(question).find((b) => b.areaId === 'jonkoping');
    expect(readable(await h.submit(JONNA_JKPG_SAM, jkpg, OTHER_CHANNEL))).to.include(
      'teamets andra kanaler arbetar nu i Jönköpings kommun',
    );
    expect(readable(await h.say(PER_POLIS, '/område', CHANNEL))).to.include('Här gäller Habo kommun');
    expect(readable(await h.say(PER_POLIS, '/område', OTHER_CHANNEL))).to.include('Här gäller Jönköpings kommun');
  });

  it('in a personal chat the user binds it, and the command first written runs after the choice, once', async () => {
    const h = await areasHarness();
    const asked = await h.say(PER_POLIS, '/logga kvällspatrull 2020-03-14');
    expect(readable(asked)).to.include(QUESTION);
    expect(await h.everyEntry()).to.deep.equal([]);
    const habo = submitActions(cardsOf(asked)[0]).find((b) => b.areaId === 'habo');
    const after = readable(await h.submit(PER_POLIS, habo));
    expect(after).to.include('Den här chatten arbetar nu i Habo kommun');
    expect(after).to.include('Loggat');
    expect(await h.port.records('habo').entries('habo-2020')).to.have.length(1);
    // A second click on the same card stores nothing more.
    expect(readable(await h.submit(PER_POLIS, habo))).to.include('redan loggat');
    expect(await h.port.records('habo').entries('habo-2020')).to.have.length(1);
    expect(readable(await h.say(PER_POLIS, '/område'))).to.include('Det är valt för den här chatten');
    // "/område <namn>" changes it.
    expect(readable(await h.say(PER_POLIS, '/område jönköping'))).to.include('arbetar nu i Jönköpings kommun');
    expect(readable(await h.say(PER_POLIS, '/status 2020'))).to.include('Gemensam krogtillsyn');
  });

  it('in a group chat a non-coordinator is told who can; an admin may bind', async () => {
    const h = await areasHarness();
    const group: Where = { kind: 'groupChat', conversationId: 'chat-1', tenant: TENANT_POLIS };
    const refused = readable(await h.say(PER_POLIS, '/område habo', group));
    expect(refused).to.include('Bara en samordnare i Habo kommun');
    expect(refused).to.include('Inget har ändrats');
    expect(await h.port.areas.binding('conversation', 'chat-1')).to.equal(undefined);
    expect(readable(await h.say(ADA_ADMIN, '/område habo', group))).to.include(
      'Den här gruppchatten arbetar nu i Habo kommun',
    );
    expect((await h.port.areas.binding('conversation', 'chat-1'))?.areaId).to.equal('habo');
  });

  it('a user whose tenant is in one area is never asked, and /område says why', async () => {
    const h = await areasHarness();
    expect(readable(await h.say(HANNA_HABO, '/område'))).to.include('Er organisation använder bara det här området');
    expect(readable(await h.say(HANNA_HABO, '/område jönköping'))).to.include(
      'Jag hittar inget område "jönköping" för er',
    );
    expect(await h.port.areas.binding('conversation', `a:${HANNA_HABO.id}`)).to.equal(undefined);
  });

  it('an unknown or ambiguous area name gets the choices', async () => {
    const h = await areasHarness();
    expect(readable(await h.say(PER_POLIS, '/område mullsjö'))).to.include(
      'Välj bland: Jönköpings kommun, Habo kommun',
    );
    expect(readable(await h.say(PER_POLIS, '/område södra vätterbygden'))).to.include('passar flera områden');
  });
});

describe('areas: forged card payloads', () => {
  it('a Habo user sending a card carrying Jönköping’s ids stores nothing in Jönköping', async () => {
    const h = await areasHarness();
    const forgedChoice = {
      verb: 'log.choose',
      requestId: 'r1',
      agreementId: 'jonkoping-2020',
      activityId: 'gemensam-krogtillsyn',
      date: '2020-03-14',
      count: 1,
    };
    expect(readable(await h.submit(HANNA_HABO, forgedChoice))).to.include('Inget har sparats');
    const forgedForm = {
      verb: 'log.form',
      formId: 'f1',
      activityId: 'gemensam-krogtillsyn',
      date: '2020-03-14',
      count: '1',
    };
    expect(readable(await h.submit(HANNA_HABO, forgedForm))).to.include('Inget har sparats');
    expect(await h.records.entries('jonkoping-2020')).to.deep.equal([]);
    expect(await h.everyEntry()).to.deep.equal([]);
  });

  it('an area choice for an area the tenant may not use binds nothing', async () => {
    const h = await areasHarness();
    const forged = { verb: 'area.choose', areaId: 'jonkoping', pending: { text: '/logga sig', by: 'aad-hanna' } };
    expect(readable(await h.submit(HANNA_HABO, forged))).to.include('Det området kan du inte välja');
    expect(await h.port.areas.binding('conversation', `a:${HANNA_HABO.id}`)).to.equal(undefined);
    expect(await h.everyEntry()).to.deep.equal([]);
    // Nor in a group chat of the Habo tenant, by Habo's coordinator.
    const group: Where = { kind: 'groupChat', conversationId: 'chat-habo', tenant: 'tenant-habo' };
    await h.submit({ ...SARA_HABO_SAM, tenant: 'tenant-habo' }, forged, group);
    expect(await h.port.areas.binding('conversation', 'chat-habo')).to.equal(undefined);
  });

  it('a pending command carried by a choice card is run only for the one who wrote it', async () => {
    const h = await areasHarness();
    const forged = {
      verb: 'area.choose',
      areaId: 'habo',
      pending: { text: '/logga kvällspatrull 2020-03-14', by: 'aad-someone-else' },
    };
    const answer = readable(await h.submit(PER_POLIS, forged));
    expect(answer).to.include('arbetar nu i Habo kommun');
    expect(await h.everyEntry()).to.deep.equal([]);
  });
});

describe('areas: coordinators per area', () => {
  it('/samordnare lists the area’s own; only its coordinators and admins change them, in that area only', async () => {
    const h = await areasHarness();
    await h.say(SARA_HABO_SAM, '/område habo');
    await h.say(PER_POLIS, '/område habo');
    expect(readable(await h.say(PER_POLIS, '/samordnare'))).to.include(
      'Samordnare i Habo kommun: sara.samordnare@habo.se, aad-habo-sam',
    );
    expect(readable(await h.say(PER_POLIS, '/samordnare lägg till per@polisen.se'))).to.equal(COORDINATOR_ONLY);
    expect((await h.port.areas.area('habo'))?.coordinators).not.to.include('per@polisen.se');

    // Sara is found by her UPN, looked up only for this check.
    const added = readable(await h.say(SARA_HABO_SAM, '/samordnare lägg till per@polisen.se'));
    expect(added).to.include('per@polisen.se är nu samordnare i Habo kommun');
    expect((await h.port.areas.area('habo'))?.coordinators).to.include('per@polisen.se');
    expect((await h.port.areas.area('jonkoping'))?.coordinators).to.deep.equal(['aad-jkpg-sam']);
    expect((await h.port.areas.history('habo')).at(-1)).to.deep.include({
      action: 'coordinatorAdded',
      detail: 'per@polisen.se',
    });

    expect(readable(await h.say(SARA_HABO_SAM, '/samordnare ta bort per@polisen.se'))).to.include(
      'inte längre samordnare',
    );
    expect(readable(await h.say(SARA_HABO_SAM, '/samordnare lägg till inte en adress'))).to.include(
      'Skriv /samordnare',
    );
    expect(readable(await h.say(SARA_HABO_SAM, '/samordnare lägg till kalle'))).to.include('ser inte ut som');

    // The admin may act in any area; Jönköping's coordinator not in Habo.
    await h.say(ADA_ADMIN, '/område habo');
    expect(readable(await h.say(ADA_ADMIN, '/samordnare lägg till ny@habo.se'))).to.include('nu samordnare i Habo');
    await h.say(JONNA_JKPG_SAM, '/område habo');
    expect(readable(await h.say(JONNA_JKPG_SAM, '/samordnare ta bort ny@habo.se'))).to.equal(COORDINATOR_ONLY);
  });

  it('a refused change to the coordinators says why, and stores nothing', async () => {
    const h = await areasHarness();
    await h.say(SARA_HABO_SAM, '/område habo');
    const before = (await h.port.areas.area('habo'))?.coordinators;
    expect(readable(await h.say(SARA_HABO_SAM, '/samordnare lägg till sara.samordnare@habo.se'))).to.equal(
      'sara.samordnare@habo.se är redan samordnare i Habo kommun.',
    );
    expect(readable(await h.say(SARA_HABO_SAM, '/samordnare ta bort per@polisen.se'))).to.equal(
      'per@polisen.se är inte samordnare i Habo kommun. Skriv /samordnare för listan.',
    );
    expect((await h.port.areas.area('habo'))?.coordinators).to.deep.equal(before);
  });

  it('/prenumerationer shows a coordinator the subscriptions of their own area only', async () => {
    const h = await areasHarness();
    await h.say(KALLE_JKPG, '/prenumerera');
    await h.say(HANNA_HABO, '/prenumerera');
    expect((await h.port.subscriptions.active()).map((s) => s.areaId)).to.deep.equal(['jonkoping', 'habo']);
    await h.say(SARA_HABO_SAM, '/område habo');
    const listed = readable(await h.say(SARA_HABO_SAM, '/prenumerationer'));
    expect(listed).to.include('**Alla prenumerationer i Habo kommun** (1 aktiv)');
  });

  it('/klar acts in the conversation’s area, for that area’s coordinators', async () => {
    const h = await areasHarness();
    await h.say(SARA_HABO_SAM, '/område habo');
    await h.say(JONNA_JKPG_SAM, '/område habo');
    expect(readable(await h.say(JONNA_JKPG_SAM, '/klar trygghetsvandring 2020-05-05'))).to.equal(COORDINATOR_ONLY);
    expect(readable(await h.say(SARA_HABO_SAM, '/klar trygghetsvandring 2020-05-05'))).to.include(
      'Trygghetsvandring är markerad som genomförd',
    );
    expect(await h.port.records('habo').completions('habo-2020')).to.have.length(1);
    // Jönköping's milestone is not found from Habo.
    expect(readable(await h.say(SARA_HABO_SAM, '/klar enkät'))).to.include('Jag hittar ingen aktivitet');
    expect(await h.records.completions('jonkoping-2020')).to.deep.equal([]);
  });

  it('/nytt-medborgarlöfte copies within the area', async () => {
    const h = await areasHarness('2020-12-01T10:00:00+01:00');
    await h.say(SARA_HABO_SAM, '/område habo');
    expect(readable(await h.say(SARA_HABO_SAM, '/nytt-medborgarlöfte 2021 från 2020'))).to.include(
      'Medborgarlöfte 2021 är skapat',
    );
    expect((await h.port.records('habo').agreements()).map((a) => a.id)).to.deep.equal(['habo-2020', 'habo-2021']);
    expect((await h.port.records('jonkoping').agreements()).map((a) => a.id)).to.deep.equal([
      'jonkoping-2018-2019',
      'jonkoping-2020',
    ]);
  });
});

describe('areas: follow-up and documents', () => {
  it('/uppföljning T1 2020 in Habo is titled for Habo kommun, and its link opens Habo only', async function () {
    fileStoreOnly(this);
    const h = await areasHarness();
    await h.say(HANNA_HABO, '/logga kvällspatrull 2020-03-14');
    // Nothing to read until Habo's coordinator has published the tertial.
    expect(readable(await h.say(HANNA_HABO, '/uppföljning T1 2020'))).to.include('är inte publicerad än');
    const habo = h.store.inArea('habo');
    const agreement = habo.agreement('habo-2020');
    const at = new Date('2020-06-15T10:00:00+02:00');
    const f = agreement && followUpFromStore(habo, agreement, { year: 2020, tertial: 1 }, at);
    if (!f) throw new Error('no follow-up');
    await h.store.publications.publish(
      publicationOf(f, {}, { id: 'sara', name: 'Sara' }, at, 'p-habo'),
      setupAudit('publication.published'),
    );
    const replies = await h.say(HANNA_HABO, '/uppföljning T1 2020');
    expect(readable(replies)).to.include('Uppföljning av medborgarlöfte för Habo kommun, tertial 1 2020');
    const card = cardsOf(replies)[0];
    const pdf = ((card?.actions ?? []) as { url?: string }[]).find((a) => a.url?.includes('format=pdf'))?.url ?? '';
    const url = new URL(pdf);
    expect(url.searchParams.get('area')).to.equal('habo');
    const deps = {
      port: h.port,
      secret: SECRET,
      now: () => new Date('2020-06-15T10:00:00+02:00'),
      logger: new CapturingLogger(),
    };
    const html = url.search.replace('format=pdf', 'format=html');
    expect((await answerReportRequest(deps, url.pathname, url.search)).status).to.equal(200);
    // The same link pointed at Jönköping's agreement or area is refused.
    expect(
      (await answerReportRequest(deps, url.pathname, url.search.replace('habo-2020', 'jonkoping-2020'))).status,
    ).to.equal(403);
    expect(
      (await answerReportRequest(deps, url.pathname, url.search.replace('area=habo', 'area=jonkoping'))).status,
    ).to.equal(403);
    expect((await answerReportRequest(deps, url.pathname, html)).status).to.equal(403);
  });

  it('/export in Habo links to Habo’s entries only', async () => {
    const h = await areasHarness();
    await h.say(KALLE_JKPG, '/logga gemensam krogtillsyn 2020-03-14');
    await h.say(HANNA_HABO, '/logga kvällspatrull 2020-03-14');
    const answer = readable(
      await h.say(SARA_HABO_SAM, '/område habo').then(() => h.say(SARA_HABO_SAM, '/export 2020')),
    );
    const link = /\((https:[^)]+)\)/u.exec(answer)?.[1] ?? '';
    const url = new URL(link);
    const deps = {
      port: h.port,
      secret: SECRET,
      now: () => new Date('2020-06-15T10:00:00+02:00'),
      logger: new CapturingLogger(),
    };
    const csv = await answerReportRequest(deps, url.pathname, url.search);
    expect(csv.status).to.equal(200);
    const body = csv.body.toString();
    expect(body).to.include('Kvällspatrull i centrum');
    expect(body).not.to.include('krogtillsyn');
  });
});

describe('areas: the question card', () => {
  it('is a clean card with a button per area for a few, and a list to type in for hundreds, under the 28 KB budget', async function () {
    fileStoreOnly(this);
    const h = await areasHarness();
    const [few] = cardsOf(await h.say(PER_POLIS, '/status'));
    expect(assertValidCard(few, 'two areas').bytes).to.be.below(CARD_BUDGET_BYTES);

    for (let i = 1; i <= 298; i++) {
      await h.store.addArea(
        {
          id: `omrade-${i}`,
          name: `Kommun nummer ${i} med ett långt namn`,
          policeArea: `Lokalpolisområde nummer ${i} i regionen`,
          tenants: [`tenant-${i}`, TENANT_POLIS],
          coordinators: [],
        },
        [],
        { by: { id: 'op', name: 'op' }, at: new Date('2020-06-15T10:00:00+02:00') },
      );
    }
    const replies = await h.say(PER_POLIS, '/logga kvällspatrull 2020-03-14');
    const [many] = cardsOf(replies);
    const check = assertValidCard(many, '300 areas');
    expect(check.bytes).to.be.below(CARD_BUDGET_BYTES);
    expect(JSON.stringify(many)).to.include('"style":"filtered"');
    const fallback = replies[0]?.kind === 'card' ? replies[0].fallbackText : '';
    expect(fallback).to.include('och 294 till');
    // The list's one button sends the chosen id (merged in by the client) and the command written.
    const [pick] = submitActions(many);
    expect(pick?.areaId).to.equal(undefined);
    const after = readable(await h.submit(PER_POLIS, { ...pick, areaId: 'habo' }));
    expect(after).to.include('arbetar nu i Habo kommun');
    expect(await h.port.records('habo').entries('habo-2020')).to.have.length(1);
  });
});
