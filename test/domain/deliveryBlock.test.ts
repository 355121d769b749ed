import { expect } from 'chai';
import { temporaryBlock } from '../../src/domain/deliveryBlock.js';

describe('temporary delivery blocks', () => {
  it('names a 403 that lifts by itself, and nothing else', () => {
    expect(temporaryBlock(403, '{"error":{"code":"BotDisabledByAdmin","message":"x"}}')).to.equal('BotDisabledByAdmin');
    expect(temporaryBlock(403, '{"error":{"code":"TenantAppPolicyBlocked"}}')).to.equal('AppPolicy');
    expect(temporaryBlock(403, '{"error":{"code":"BotNotInConversationRoster"}}')).to.equal(undefined);
    expect(temporaryBlock(404, '{"error":{"code":"BotDisabledByAdmin"}}')).to.equal(undefined);
    expect(temporaryBlock(403, '')).to.equal(undefined);
  });
});
