// One generic word or a party's name alone is too little to pick an activity: the candidates
// to ask about, never a guess.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema } from '../../src/domain/agreement.js';
import { vagueActivityCandidates } from '../../src/domain/vagueWords.js';

const agreement = agreementSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/agreements/jonkoping-2020.json', import.meta.url), 'utf8')),
);
const ask = (typed: string) =>
  vagueActivityCandidates(agreement.activities, agreement.parties, typed.split(' '))?.map((a) => a.id);

describe('vagueWords.vagueActivityCandidates', () => {
  it('a generic word alone: the activities whose words hold it', () => {
    expect(ask('samverkan')).to.deep.equal(['grannsamverkan', 'torsdagsmote']);
    expect(ask('möte')).to.include.members(['ssg', 'torsdagsmote']);
    expect(ask('mötet')).to.deep.equal(ask('möte'));
    expect(ask('insats')).to.deep.equal(['sig']);
  });

  it('a generic word no activity holds: every activity', () => {
    expect(ask('arbete')).to.have.length(agreement.activities.length);
  });

  it('a party alone: the activities it is responsible for', () => {
    expect(ask('Vätterhem')).to.deep.equal(['oxnehaga-torg', 'torsdagsmote']);
    expect(ask('polisen')).to.include.members(['gemensam-krogtillsyn', 'krogtillsyn-natthelger', 'sig']);
    expect(ask('polisen')).to.not.include('trivs-i-jkpg-enkat');
    expect(ask('kommunen')).to.include.members(['trivs-i-jkpg-enkat', 'sig']);
  });

  it('generic words with parties: the activities every word fits', () => {
    expect(ask('möte med polisen')).to.deep.equal(['grannsamverkan', 'torsdagsmote']);
  });

  it('an activity’s own word says enough, even when it names a party too (ssg)', () => {
    for (const typed of ['ssg', 'sig', 'krogtillsyn', 'torsdagsmöte', 'samverkansmöte', 'polisens enkät', 'möte sig'])
      expect(ask(typed), typed).to.equal(undefined);
  });

  it('whatever the generic words and parties, never an empty question', () => {
    const word = fc.constantFrom(
      'samverkan',
      'möte',
      'möten',
      'arbete',
      'insats',
      'insatser',
      'polisen',
      'kommunen',
      'Vätterhem',
      'med',
      'och',
      'träff',
      'jobb',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const candidates = vagueActivityCandidates(agreement.activities, agreement.parties, words);
        if (words.every((w) => w === 'med' || w === 'och')) expect(candidates).to.equal(undefined);
        else expect(candidates?.length ?? 0, words.join(' ')).to.be.greaterThan(0);
      }),
    );
  });
});
