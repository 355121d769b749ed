// Each known failure, built as the library really throws it where the machine allows (a write into a
// folder the process may not write, a write to /dev/full, pg connecting to a database that does not
// exist, the connector's client answered 403), classifies to its catalogue code; the log fields carry
// the fix and no message, path or other value.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { ConfigError } from '../../src/config.js';
import { AgreementConflictError } from '../../src/domain/agreement.js';
import { errorCatalogue } from '../../src/errors/catalogue.js';
import { classifyFailure, failureFields, fixLine } from '../../src/errors/classify.js';
import { StoreLockedError } from '../../src/store/lock.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { StoreFileError } from '../../src/store/storage.js';

const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** What `write` throws, run as an unprivileged user when this process is root (root writes anywhere). */
function thrownBy(write: () => void): unknown {
  const root = process.geteuid?.() === 0;
  try {
    if (root) process.seteuid?.(65534);
    write();
  } catch (error) {
    return error;
  } finally {
    if (root) process.seteuid?.(0);
  }
  return undefined;
}

/** What `call` throws, as this process. */
function thrown(call: () => void): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** What `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new TypeError('expected a rejection');
}

describe('classifyFailure (src/errors)', () => {
  it('numbers every entry once, each with a description and a fix', () => {
    const numbers = Object.values(errorCatalogue).map((e) => e.number);
    expect(new Set(numbers).size).to.equal(numbers.length);
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(code).to.match(/^(unknown|[a-z]+\.[a-z][A-Za-z]*)$/u);
      expect(entry.description, code).to.match(/\S.*\.$/u);
      expect(entry.fix, code).to.match(/\S.*\.$/u);
    }
  });

  describe('disk', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'classify-'));
    });
    afterEach(() => {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    });

    it('a write into a folder the bot may not write is disk.permission, with the owner/permissions fix', () => {
      chmodSync(dir, 0o555);
      const error = thrownBy(() => writeFileSync(path.join(dir, 'entries-2020.json'), '{}'));
      expect((error as NodeJS.ErrnoException).code).to.equal('EACCES');
      const found = classifyFailure(error);
      expect(found.code).to.equal('disk.permission');
      expect(found.detail).to.deep.equal({ name: 'Error', errno: 'EACCES', syscall: 'open' });
      expect(fixLine(found)).to.include('behörigheter (chown, chmod)');
    });

    it('a write to a full disk is disk.full', function () {
      if (!existsSync('/dev/full')) this.skip();
      const error = thrownBy(() => writeFileSync('/dev/full', 'x'));
      expect((error as NodeJS.ErrnoException).code).to.equal('ENOSPC');
      expect(classifyFailure(error).code).to.equal('disk.full');
      expect(classifyFailure(error).fix).to.include('Frigör diskutrymme');
    });

    it('a read-only file system is disk.readOnly (the error as Node makes it)', () => {
      const error = Object.assign(new Error("EROFS: read-only file system, open '/srv/store/areas.json'"), {
        errno: -30,
        code: 'EROFS',
        syscall: 'open',
        path: '/srv/store/areas.json',
      });
      expect(classifyFailure(error).code).to.equal('disk.readOnly');
    });

    it('a store folder that is a file is store.notAFolder: mkdir finds it (EEXIST), a path through it fails (ENOTDIR)', () => {
      const file = path.join(dir, 'package.json');
      writeFileSync(file, '{}');
      const made = thrown(() => mkdirSync(file, { recursive: true }));
      expect((made as NodeJS.ErrnoException).code).to.equal('EEXIST');
      expect(classifyFailure(made).code).to.equal('store.notAFolder');
      const opened = thrown(() => openSync(path.join(file, '.lock'), 'wx'));
      expect((opened as NodeJS.ErrnoException).code).to.equal('ENOTDIR');
      expect(classifyFailure(opened).code).to.equal('store.notAFolder');
      const listed = thrown(() => readdirSync(file));
      expect(classifyFailure(listed).detail).to.deep.equal({ name: 'Error', errno: 'ENOTDIR', syscall: 'scandir' });
      expect(fixLine(classifyFailure(listed))).to.equal(
        'Åtgärd (fel 219): Sätt STORE_DIR till en mapp (den skapas om den inte finns), eller flytta filen som står i vägen. Starta sedan boten igen.',
      );
    });

    it('a store file that cannot be read because of its permissions says so, through the cause', () => {
      const cause = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open' });
      const error = new StoreFileError('/srv/store/areas.json', 'behörighet saknas');
      error.cause = cause;
      expect(classifyFailure(error).code).to.equal('disk.permission');
      expect(classifyFailure(new StoreFileError('/srv/store/areas.json', 'ogiltig JSON')).code).to.equal(
        'store.fileUnreadable',
      );
    });
  });

  describe('PostgreSQL', () => {
    it('a database that does not exist is database.missing (pg 3D000, wrapped by the store)', async function () {
      this.timeout(15_000);
      const url = new URL(PG_URL);
      url.pathname = '/mlb_no_such_database';
      const error = await rejection(openPostgresStore({ url: url.toString(), connectionTimeoutMillis: 3000 }));
      const found = classifyFailure(error);
      if (found.code === 'database.unreachable') this.skip(); // no server here
      expect(found.code).to.equal('database.missing');
      expect(found.detail.sqlState).to.equal('3D000');
      expect(fixLine(found)).to.include('createdb');
    });

    it('a server that does not answer is database.unreachable', async function () {
      this.timeout(15_000);
      const error = await rejection(
        openPostgresStore({ url: 'postgres://bot:hemligt@127.0.0.1:1/mlb', connectionTimeoutMillis: 3000 }),
      );
      const found = classifyFailure(error);
      expect(found.code).to.equal('database.unreachable');
      expect(found.fix).to.include('Starta PostgreSQL');
      expect(JSON.stringify(failureFields(error))).to.not.include('hemligt');
    });

    it('maps the SQLSTATEs of a wrong password, too many connections, a shutdown and a conflict', () => {
      const pgError = (code: string) => Object.assign(new Error('from the server'), { code, severity: 'FATAL' });
      expect(classifyFailure(pgError('28P01')).code).to.equal('database.password');
      expect(classifyFailure(pgError('53300')).code).to.equal('database.tooManyConnections');
      expect(classifyFailure(pgError('57P01')).code).to.equal('database.shutdown');
      expect(classifyFailure(pgError('40P01')).code).to.equal('database.conflict');
    });
  });

  describe('Bot Framework', () => {
    let server: Server;
    let baseUri: string;
    before(async () => {
      server = createServer((_req, res) => {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the roster' },
          }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => {
      server.close();
    });

    it("the connector's 403 (a RestError from botframework-connector) is connector.forbidden", async () => {
      const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri });
      const error = await rejection(
        client.conversations.sendToConversation('a:1', { type: 'message', text: 'Hej Anna' }),
      );
      const found = classifyFailure(error);
      expect(found.code).to.equal('connector.forbidden');
      expect(found.detail.status).to.equal(403);
      expect(JSON.stringify(failureFields(error))).to.not.include('Anna');
    });

    it('a 401 is connector.unauthorized; an Entra ID token failure is token.failed', () => {
      expect(classifyFailure(Object.assign(new Error('Unauthorized'), { statusCode: 401 })).code).to.equal(
        'connector.unauthorized',
      );
      const msal = Object.assign(
        new Error('invalid_client: AADSTS7000215: Invalid client secret provided. Trace ID: 1'),
        { name: 'ServerError', errorCode: 'invalid_client' },
      );
      expect(classifyFailure(msal).code).to.equal('token.failed');
      expect(classifyFailure(msal).fix).to.include('klienthemligheten');
    });
  });

  it("the bot's own errors classify by their code, the domain's included", () => {
    expect(classifyFailure(new StoreLockedError('/srv/store/.lock', 42)).code).to.equal('store.locked');
    expect(classifyFailure(new ConfigError('Felaktig konfiguration')).code).to.equal('config.invalid');
    expect(classifyFailure(new AgreementConflictError('overlap', 'habo-2021', 'habo-2020')).code).to.equal(
      'agreement.conflict',
    );
  });

  it('anything else is unknown, and never throws', () => {
    expect(classifyFailure(new TypeError('x is undefined')).code).to.equal('unknown');
    expect(classifyFailure('a string').code).to.equal('unknown');
    expect(classifyFailure(undefined).code).to.equal('unknown');
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(classifyFailure(loop).code).to.equal('unknown');
  });
});
