// Where a failure is logged (the scheduled jobs' tick here), the line carries the catalogue's code,
// number and fix beside the error, and the fields added say nothing of the failure's path or text.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { expect } from 'chai';
import { answerTurnError } from '../../src/channel/turn.js';
import { startTicker } from '../../src/scheduler/ticker.js';
import { CapturingLogger } from '../support/fakes.js';

describe('failures logged with their fix', () => {
  it("a scheduled job's tick that fails on a full disk logs disk.full and its fix", async function () {
    if (!existsSync('/dev/full')) this.skip();
    const logger = new CapturingLogger();
    let ticked!: () => void;
    const failed = new Promise<void>((resolve) => (ticked = resolve));
    const job = { tick: () => writeFile('/dev/full', 'Anna Andersson').finally(() => setImmediate(ticked)), stop() {} };
    const ticker = startTicker(job, { logger, everySeconds: 60, name: 'reminders' });
    try {
      await failed;
    } finally {
      ticker.stop();
    }
    const line = logger.lines.find((l) => l.msg === 'scheduled tick failed');
    expect(line?.obj).to.include({ failure: 'disk.full', failureNumber: 201, job: 'reminders' });
    expect(line?.obj.fix).to.include('Frigör diskutrymme');
    expect(line?.obj.detail).to.deep.equal({ name: 'Error', errno: 'ENOSPC', syscall: 'write' });
    const { err: _err, ...added } = line?.obj ?? {};
    expect(JSON.stringify(added)).to.not.match(/dev\/full|Anna/u);
  });

  it("the turn's error handler logs a connector 403 as connector.forbidden, with the activity's ids only", async () => {
    const logger = new CapturingLogger();
    const sent: string[] = [];
    const forbidden = Object.assign(new Error('The bot is not part of the conversation roster. Anna Andersson'), {
      name: 'RestError',
      statusCode: 403,
    });
    await answerTurnError(
      logger,
      { conversation: { id: 'a:1' }, id: 'act-1', type: 'message' },
      (text) => Promise.resolve(sent.push(text)),
      forbidden,
    );
    const line = logger.lines.find((l) => l.msg === 'unhandled error in turn');
    expect(line?.obj).to.include({ failure: 'connector.forbidden', failureNumber: 402, conversationId: 'a:1' });
    expect(line?.obj.fix).to.include('MicrosoftAppTenantId');
    const { err: _err, ...added } = line?.obj ?? {};
    expect(JSON.stringify(added)).to.not.include('Anna');
    expect(sent).to.have.length(1);
  });
});
