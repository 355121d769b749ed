// The PostgreSQL store through the port: what two instances sharing one database see and store.
// Each describe gets a fresh database (skipped when no PostgreSQL server is reachable).
import { expect } from 'chai';
import { setupAudit } from '../../support/audit.js';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import pg from 'pg';
import type { Agreement } from '../../../src/domain/agreement.js';
import type { Area } from '../../../src/domain/area.js';
import type { NewAuditRecord } from '../../../src/domain/audit.js';
import type { ChangeBy } from '../../../src/app/port/index.js';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/index.js';
import { bundledAgreements, newId, referenceFor } from '../../support/fakes.js';
import { sampleEntry } from '../../support/entries.js';
import { admin, createDatabase, dropDatabase, freshDatabase } from './database.js';

const anna = { id: 'aad-anna', name: 'Anna' };
const by: ChangeBy = { by: anna, at: new Date('2026-03-01T10:00:00Z'), via: 'cli' };
const logged = (entryId: string): NewAuditRecord => ({
  at: '2020-03-14T18:00:00.000Z',
  by: anna,
  via: 'chat',
  action: 'entry.logged',
  agreementId: 'jonkoping-2020',
  entryId,
});

async function jonkoping(): Promise<{ area: Area; agreements: Agreement[] }> {
  const agreements = await bundledAgreements();
  const latest = agreements[agreements.length - 1]!;
  return {
    area: { id: 'jonkoping', name: latest.municipality, policeArea: latest.policeArea, tenants: [], coordinators: [] },
    agreements,
  };
}

/** A second area with one agreement (a copy of 2020 under its own id). */
async function habo(): Promise<{ area: Area; agreements: Agreement[] }> {
  const source = (await bundledAgreements()).find((a) => a.id === 'jonkoping-2020')!;
  return {
    area: { id: 'habo', name: 'Habo kommun', policeArea: 'Habo', tenants: [], coordinators: [] },
    agreements: [{ ...structuredClone(source), id: 'habo-2020', area: 'habo' }],
  };
}

describe('PostgreSQL store: opening', () => {
  it('fails fast with a message naming DATABASE_URL, never the password, when nothing answers', async () => {
    const opening = openPostgresStore({ url: 'postgres://bot:s3cret@127.0.0.1:1/none', connectionTimeoutMillis: 1000 });
    const error = await opening.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).to.include('DATABASE_URL').and.not.include('s3cret');
    expect(error?.message).to.include('127.0.0.1:1');
  });

  it('gives up on a server that accepts the connection and never answers, instead of hanging', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await openPostgresStore({
        url: `postgres://bot:s3cret@127.0.0.1:${port}/none`,
        connectionTimeoutMillis: 500,
      }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).to.include('DATABASE_URL').and.not.include('s3cret');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('applies the migrations once when two instances open an empty database together', async function () {
    const db = await createDatabase();
    if (!db) this.skip();
    try {
      const [a, b] = await Promise.all([openPostgresStore({ url: db.url }), openPostgresStore({ url: db.url })]);
      // Every migration applied once, by one of the two (the other waited on the lock and found them done).
      expect([...a.migrated, ...b.migrated]).to.deep.equal([1, 2]);
      const third = await openPostgresStore({ url: db.url });
      expect(third.migrated).to.deep.equal([]);
      const rows = await admin<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1`, // connections really in use
        [db.name],
      );
      expect(Number(rows?.[0]?.n)).to.be.greaterThan(0);
      await Promise.all([a.close(), b.close(), third.close()]);
    } finally {
      await dropDatabase(db.name);
    }
  });
});

describe('PostgreSQL store: one area’s records', () => {
  const database = freshDatabase();
  let store: PostgresStore;
  let other: PostgresStore;

  before(async () => {
    store = await openPostgresStore({ url: database.url() });
    other = await openPostgresStore({ url: database.url() });
    const j = await jonkoping();
    await store.areas.addArea(j.area, j.agreements, by);
    const h = await habo();
    await store.areas.addArea(h.area, h.agreements, by);
  });
  after(async () => {
    await store?.close();
    await other?.close();
  });

  it('stores an entry with its audit record, and another instance sees it and a new version at once', async () => {
    const records = store.records('jonkoping');
    const versionBefore = await other.records('jonkoping').version();
    const result = await records.addEntry(sampleEntry(1, { sourceId: 'msg-1', note: 'Bra kväll' }), logged('e1'));
    expect(result).to.deep.include({ stored: true });
    const seen = other.records('jonkoping');
    expect(await seen.version()).to.not.equal(versionBefore);
    expect((await seen.entries('jonkoping-2020')).map((e) => e.id)).to.deep.equal(['e1']);
    expect((await seen.findBySource('msg-1'))?.note).to.equal('Bra kväll');
    expect((await other.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal(['entry.logged']);
  });

  it('stores one entry per message when a redelivery reaches both instances at once', async () => {
    const both = await Promise.all([
      store.records('jonkoping').addEntry(sampleEntry(2, { sourceId: 'msg-2' }), logged('e2')),
      other.records('jonkoping').addEntry(sampleEntry(3, { sourceId: 'msg-2' }), logged('e3')),
    ]);
    expect(both.filter((r) => r.stored)).to.have.length(1);
    const kept = both.find((r) => r.stored)!.entry.id;
    expect(both.map((r) => r.entry.id)).to.deep.equal([kept, kept]);
    const stored = await store.records('jonkoping').entries('jonkoping-2020');
    expect(stored.filter((e) => e.sourceId === 'msg-2')).to.have.length(1);
    expect(await store.audit.read({ entryId: kept === 'e2' ? 'e3' : 'e2' })).to.deep.equal([]);
  });

  it('sums a day’s occasions and lists them, from the active entries', async () => {
    const records = store.records('jonkoping');
    await records.addEntry(sampleEntry(4, { date: '2020-03-15', count: 2, sourceId: 'msg-4' }), logged('e4'));
    await records.addEntry(
      sampleEntry(5, { date: '2020-03-15', count: 3, occasionId: 'e4', sourceId: 'msg-5' }),
      logged('e5'),
    );
    const days = await records.dayTotals('jonkoping-2020', 'gemensam-krogtillsyn');
    expect(days.map((d) => d.date)).to.deep.equal(['2020-03-14', '2020-03-15']);
    expect(days[1]).to.deep.equal({ date: '2020-03-15', count: 3, occasions: 1 });
    const occasions = await records.occasionsOn('jonkoping-2020', 'gemensam-krogtillsyn', '2020-03-15');
    expect(occasions).to.have.length(1);
    expect(occasions[0]?.count).to.equal(3);
  });

  it('removes, edits and restores an entry, each with its audit record, keeping its history', async () => {
    const records = store.records('jonkoping');
    const removal = { by: anna, at: '2020-03-16T08:00:00.000Z', reason: 'messageDeleted' as const };
    const removed = await records.removeEntry('jonkoping-2020', 'e1', removal, {
      ...logged('e1'),
      action: 'entry.removed',
    });
    expect(removed?.removed).to.deep.equal(removal);
    expect(
      await records.removeEntry('jonkoping-2020', 'e1', removal, { ...logged('e1'), action: 'entry.removed' }),
    ).to.equal(undefined);
    expect(
      await records.editEntry(
        'jonkoping-2020',
        'e1',
        { activityId: 'gemensam-krogtillsyn', date: '2020-03-14', count: 5 },
        { by: anna, at: '2020-03-16T09:00:00.000Z', reason: 'edit' },
        { ...logged('e1'), action: 'entry.edited' },
      ),
      'a removed entry is not edited',
    ).to.equal(undefined);
    const restored = await records.restoreEntry(
      'jonkoping-2020',
      'e1',
      { by: anna, at: '2020-03-16T10:00:00.000Z' },
      { ...logged('e1'), action: 'entry.restored' },
    );
    expect(restored?.removed).to.equal(undefined);
    expect(restored?.history?.[0]).to.deep.include({ reason: 'restored', removed: removal });
    const edited = await records.editEntry(
      'jonkoping-2020',
      'e1',
      { activityId: 'gemensam-krogtillsyn', date: '2020-03-14', count: 4, note: 'Bra kväll' },
      { by: anna, at: '2020-03-16T11:00:00.000Z', reason: 'edit' },
      { ...logged('e1'), action: 'entry.edited' },
    );
    expect(edited?.count).to.equal(4);
    expect(edited?.history?.[1]?.before.count).to.equal(1);
    expect((await other.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal([
      'entry.logged',
      'entry.removed',
      'entry.restored',
      'entry.edited',
    ]);
    expect((await other.records('jonkoping').entriesTouchedBy('aad-anna')).map((e) => e.id)).to.include('e1');
  });

  it('stores nothing, audit record included, when a change is refused', async () => {
    const records = store.records('jonkoping');
    const audited = (await store.audit.read({ entryId: 'e1' })).length;
    const outside = await records
      .editEntry(
        'jonkoping-2020',
        'e1',
        { activityId: 'gemensam-krogtillsyn', date: '2030-01-01', count: 4 },
        { by: anna, at: '2020-03-16T11:00:00.000Z', reason: 'edit' },
        { ...logged('e1'), action: 'entry.edited' },
      )
      .then(
        () => 'stored',
        () => 'refused',
      );
    expect(outside).to.equal('refused');
    expect((await records.entries('jonkoping-2020')).find((e) => e.id === 'e1')?.date).to.equal('2020-03-14');
    expect(await store.audit.read({ entryId: 'e1' })).to.have.length(audited);
  });

  it('shows an area nothing of another area, and refuses changes to its records', async () => {
    const haboRecords = store.records('habo');
    expect(await haboRecords.entries('jonkoping-2020')).to.deep.equal([]);
    expect(await haboRecords.agreement('jonkoping-2020')).to.equal(undefined);
    expect(await haboRecords.findBySource('msg-1')).to.equal(undefined);
    expect((await haboRecords.agreements()).map((a) => a.id)).to.deep.equal(['habo-2020']);
    const refused = await haboRecords.addEntry(sampleEntry(9), logged('e9')).then(
      () => undefined,
      (e: Error) => e.name,
    );
    expect(refused).to.equal('UnknownRecordError');
  });

  it('clears notes before a day, with one audit record per agreement naming the entries', async () => {
    const records = store.records('jonkoping');
    const cleared = await records.clearNotes(
      { before: '2020-04-01' },
      { at: '2026-03-01T00:00:00.000Z', reason: 'retention' },
      { at: '2026-03-01T00:00:00.000Z', by: { id: 'system', name: 'boten' }, via: 'system', action: 'note.cleared' },
    );
    expect(cleared.map((e) => e.id)).to.deep.equal(['e1']);
    expect((await records.findBySource('msg-1'))?.note).to.equal(undefined);
    const audit = (await store.audit.read({ entryId: 'e1' })).filter((r) => r.action === 'note.cleared');
    expect(audit).to.have.length(1);
    expect(audit[0]).to.deep.include({ agreementId: 'jonkoping-2020', entryIds: ['e1'] });
  });

  it('changes an area’s settings with history and audit, and refuses what the domain refuses', async () => {
    const added = await store.areas.updateArea('jonkoping', { kind: 'coordinatorAdded', who: 'kim@x.se' }, by);
    expect(added.ok).to.equal(true);
    expect((await other.areas.area('jonkoping'))?.coordinators).to.deep.equal(['kim@x.se']);
    const again = await store.areas.updateArea('jonkoping', { kind: 'coordinatorAdded', who: 'kim@x.se' }, by);
    expect(again).to.deep.include({ ok: false, code: 'coordinator.already' });
    expect((await store.areas.history('jonkoping')).map((h) => h.action)).to.deep.equal([
      'created',
      'coordinatorAdded',
    ]);
    expect((await store.audit.read({ areaId: 'jonkoping' })).map((r) => r.action)).to.include('coordinators.changed');
  });

  it('moves a binding from one area to another, recorded in both, bumping both versions', async () => {
    await store.areas.bind('conversation', '19:c1', 'jonkoping', by);
    const [j, h] = [await store.records('jonkoping').version(), await store.records('habo').version()];
    await other.areas.bind('conversation', '19:c1', 'habo', { ...by, at: new Date('2026-03-02T10:00:00Z') });
    expect(await store.areas.binding('conversation', '19:c1')).to.deep.equal({
      areaId: 'habo',
      at: '2026-03-02T10:00:00.000Z',
    });
    expect(await store.records('jonkoping').version()).to.not.equal(j);
    expect(await store.records('habo').version()).to.not.equal(h);
    expect((await store.areas.history('jonkoping')).at(-1)).to.deep.include({ action: 'unbound' });
  });

  it('refuses an agreement whose period overlaps another of the area, and a changed one an entry falls out of', async () => {
    const source = (await store.records('jonkoping').agreement('jonkoping-2020'))!;
    const overlapping = { ...structuredClone(source), id: 'jonkoping-2020b' };
    const refused = await store.areas
      .addAgreement(overlapping, { ...logged('x'), action: 'agreement.created', agreementId: 'jonkoping-2020b' })
      .then(
        () => undefined,
        (e: Error) => e.name,
      );
    expect(refused).to.equal('AgreementConflictError');
    const shortened = { ...structuredClone(source), period: { ...source.period, start: '2020-06-01' } };
    const change = await store.areas.changeAgreement(shortened, by, []).then(
      () => undefined,
      (e: Error) => e.name,
    );
    expect(change).to.equal('AgreementChangeRefusedError');
    expect((await store.records('jonkoping').agreement('jonkoping-2020'))?.period.start).to.equal(source.period.start);
  });

  it('keeps the audit log append-only: the table refuses a change or a removal of a record', async () => {
    const client = new pg.Client({ connectionString: database.url() });
    await client.connect();
    try {
      const update = await client.query("UPDATE audit SET action = 'entry.edited'").then(
        () => 'changed',
        (e: Error) => e.message,
      );
      const remove = await client.query('DELETE FROM audit').then(
        () => 'removed',
        (e: Error) => e.message,
      );
      expect([update, remove]).to.deep.equal(['the audit log is append-only', 'the audit log is append-only']);
    } finally {
      await client.end();
    }
  });

  it('reconnects by itself after its connections are cut', async () => {
    await store.records('jonkoping').version();
    const cut = await admin<{ pid: number }>(
      'SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database.name()],
    );
    expect(cut?.length).to.be.greaterThan(0);
    expect((await store.records('jonkoping').entries('jonkoping-2020')).length).to.be.greaterThan(0);
    expect(await store.ready()).to.equal(true);
    const result = await other.records('jonkoping').addEntry(sampleEntry(20, { sourceId: 'msg-20' }), logged('e20'));
    expect(result.stored).to.equal(true);
  });
});

describe('PostgreSQL store: claims across instances', () => {
  const database = freshDatabase();
  let a: PostgresStore;
  let b: PostgresStore;
  const channel = {
    id: '19:ssg@thread.tacv2',
    kind: 'channel' as const,
    name: 'SSG',
    tenantId: 't1',
    teamId: '19:team',
  };

  before(async () => {
    [a, b] = await Promise.all([
      openPostgresStore({ url: database.url() }),
      openPostgresStore({ url: database.url() }),
    ]);
  });
  after(async () => {
    await a?.close();
    await b?.close();
  });

  it('gives each subscription’s week to one instance; a dead instance’s claim lapses; a sent week stays sent', async () => {
    const { subscription, change } = await a.subscriptions.subscribe(
      {
        conversation: channel,
        reference: referenceFor('http://127.0.0.1:9', channel.id),
        schedule: { weekday: 4, time: '07:30' },
        by: anna,
        at: new Date('2026-11-23T08:00:00Z'),
        newId,
      },
      setupAudit(),
    );
    expect(change).to.equal('created');
    const at = new Date('2026-11-26T06:30:00Z');
    const claims = await Promise.all(
      [a, b, a, b].map((s) => s.subscriptions.claimWeek(subscription.id, '2026-W48', at, 60_000)),
    );
    expect(claims.filter(Boolean)).to.have.length(1);
    const later = new Date(at.getTime() + 61_000);
    expect(await b.subscriptions.claimWeek(subscription.id, '2026-W48', later, 60_000)).to.equal(true);
    await b.subscriptions.recordSent(subscription.id, '2026-W48', later, { through: '2026-11-25', cutAt: later });
    const muchLater = new Date(at.getTime() + 3_600_000);
    expect(await a.subscriptions.claimWeek(subscription.id, '2026-W48', muchLater, 60_000)).to.equal(false);
    expect((await a.subscriptions.get(subscription.id))?.lastSentWeek).to.equal('2026-W48');
  });

  it('ends, resumes, renames and holds subscriptions as the file store does', async () => {
    const ended = await b.subscriptions.endWhere(
      { teamId: '19:team' },
      { at: '2026-11-27T08:00:00.000Z', by: anna, reason: 'teamDeleted' },
      setupAudit('subscription.ended'),
    );
    expect(ended).to.have.length(1);
    expect(await a.subscriptions.active()).to.deep.equal([]);
    expect(
      await a.subscriptions.resumeEnded({ teamId: '19:team' }, 'channelDeleted', setupAudit('subscription.resumed')),
    ).to.deep.equal([]);
    expect(
      await a.subscriptions.resumeEnded({ teamId: '19:team' }, 'teamDeleted', setupAudit('subscription.resumed')),
    ).to.have.length(1);
    const renamed = await a.subscriptions.rename(channel.id, 'Trygghet', setupAudit('subscription.changed'));
    expect(renamed.map((r) => [r.from, r.subscription.conversationName])).to.deep.equal([['SSG', 'Trygghet']]);
    expect(await a.subscriptions.rename(channel.id, 'Trygghet', setupAudit('subscription.changed'))).to.deep.equal([]);
  });

  it('answers a Teams message once across instances', async () => {
    const at = new Date('2026-11-26T06:30:00Z');
    const keys = Array.from({ length: 10 }, (_, i) => `activity-${i}`);
    const results = await Promise.all(keys.flatMap((k) => [a.deliveries.claim(k, at), b.deliveries.claim(k, at)]));
    expect(results.filter(Boolean)).to.have.length(keys.length);
    expect(await a.deliveries.claim('activity-0', new Date(at.getTime() + 25 * 3_600_000))).to.equal(true);
  });

  it('claims a meeting’s agenda card, a reminder and a coordinators’ notice once', async () => {
    const meeting = await a.meetings.set(
      {
        conversationId: '19:m',
        areaId: 'jonkoping',
        reference: {},
        weekday: 2,
        time: '09:00',
        activityId: 'gemensam-krogtillsyn',
        since: '2026-11-23T08:00:00.000Z',
        by: anna,
      },
      newId,
      setupAudit('meeting.changed'),
    );
    const meetingClaims = await Promise.all([a, b].map((s) => s.meetings.claim(meeting.id, '2026-W48', '2026-11-24')));
    expect(meetingClaims.filter(Boolean)).to.have.length(1);
    const who = { id: '29:anna', name: 'Anna' };
    const at = new Date('2026-11-23T08:00:00Z');
    const reminderClaims = await Promise.all([a, b, a].map((s) => s.reminders.claim(who, '2026-W48', at)));
    expect(reminderClaims.filter(Boolean)).to.have.length(1);
    expect(await b.reminders.all()).to.have.length(1);
    const notices = await Promise.all([a, b].map((s) => s.reminders.claimNotice('jonkoping', '2026-T3-ended', at)));
    expect(notices.filter(Boolean)).to.have.length(1);
    expect([...(await a.reminders.noticesSent('jonkoping'))]).to.deep.equal(['2026-T3-ended']);
  });

  it('trusts a service URL for its tenant only, as the file store spells it', async () => {
    await a.serviceUrls.trust('t1', 'https://SMBA.trafficmanager.net/emea/', new Date());
    expect(await b.serviceUrls.isTrusted('t1', 'https://smba.trafficmanager.net/emea')).to.equal(true);
    expect(await b.serviceUrls.isTrusted('t2', 'https://smba.trafficmanager.net/emea')).to.equal(false);
  });
});
