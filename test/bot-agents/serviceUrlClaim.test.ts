// The Agents SDK lets a channel token through whatever its serviceurl claim says (it only logs a
// mismatch); the runtime refuses it as botbuilder does.
import { expect } from 'chai';
import { channelTokenFitsActivity } from '../../src/bot-agents/runtime.js';

const CHANNEL = 'https://api.botframework.com';
const TEAMS = 'https://smba.trafficmanager.net/emea/';

describe('Agents SDK runtime: the channel token’s serviceurl claim', () => {
  it('accepts a channel token for the activity’s own serviceUrl', () => {
    expect(channelTokenFitsActivity({ iss: CHANNEL, serviceurl: TEAMS }, { serviceUrl: TEAMS })).to.equal(true);
  });
  it('refuses a channel token for another serviceUrl, or without the claim', () => {
    expect(
      channelTokenFitsActivity({ iss: CHANNEL, serviceurl: TEAMS }, { serviceUrl: 'https://evil.example/' }),
    ).to.equal(false);
    expect(channelTokenFitsActivity({ iss: CHANNEL }, { serviceUrl: TEAMS })).to.equal(false);
    expect(channelTokenFitsActivity({ iss: CHANNEL, serviceurl: TEAMS }, {})).to.equal(false);
  });
  it('leaves tokens of other issuers (which carry no serviceurl) to the SDK’s checks', () => {
    expect(
      channelTokenFitsActivity({ iss: 'https://login.microsoftonline.com/t/v2.0' }, { serviceUrl: TEAMS }),
    ).to.equal(true);
  });
});
