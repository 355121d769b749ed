import { expect } from 'chai';
import { nodeRuntime } from '../src/nodeRuntime.js';

describe('nodeRuntime', () => {
  it('counts 22, 24 and 26 as supported and 20 as out of support', () => {
    expect(nodeRuntime('v20.20.2')).to.deep.equal({ version: 'v20.20.2', major: 20, supported: false });
    expect(nodeRuntime('v22.23.3').supported).to.equal(true);
    expect(nodeRuntime('v24.21.0')).to.deep.equal({ version: 'v24.21.0', major: 24, supported: true });
    expect(nodeRuntime('v26.0.0').supported).to.equal(true);
  });

  it('treats an unreadable version as unsupported', () => {
    expect(nodeRuntime('').supported).to.equal(false);
    expect(nodeRuntime('24.1.0').supported).to.equal(false);
  });

  it('is what the running tests use: npm scripts run on a supported Node even where the machine has Node 20', () => {
    expect(nodeRuntime(process.version).supported, process.version).to.equal(true);
  });
});
