// The templates in cards/: each is one the code expands, and each declares a version Teams renders.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { CARD_NAMES } from '../../src/views/cards.js';
import { progressBar, progressShare } from '../../src/views/progressBar.js';
import { pageOf } from '../../src/views/paging.js';

const dir = new URL('../../cards/', import.meta.url);

describe('card templates (cards/)', () => {
  it('holds exactly the templates the views expand', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/u, ''));
    expect(files).to.have.members([...CARD_NAMES]);
  });

  for (const name of CARD_NAMES) {
    it(`${name}.json is an AdaptiveCard of version 1.5 with only Action.Submit buttons (Action.OpenUrl for document links, Action.ToggleVisibility to unfold details)`, () => {
      const json = readFileSync(new URL(`${name}.json`, dir), 'utf8');
      const card = JSON.parse(json) as { type: string; version: string };
      expect(card.type).to.equal('AdaptiveCard');
      expect(card.version).to.equal('1.5');
      const actions = [...json.matchAll(/"type":\s*"(Action\.[A-Za-z]+)"/gu)].map((m) => m[1]);
      expect(
        // ToggleVisibility (schema 1.2) runs in the client; Teams renders it on desktop and mobile.
        actions.every((a) => a === 'Action.Submit' || a === 'Action.OpenUrl' || a === 'Action.ToggleVisibility'),
        actions.join(),
      ).to.equal(true);
    });
  }
});

describe('progress bars and pages', () => {
  it('a bar is the share done in whole percent, never hiding a start or an end', () => {
    expect(progressBar({ kind: 'count', done: 1, target: 4, unit: 'tillfällen' }, 'farBehind')).to.deep.equal({
      show: true,
      filled: 25,
      empty: 75,
      style: 'attention',
    });
    expect(progressBar({ kind: 'count', done: 6, target: 4, unit: 'tillfällen' }, 'done')).to.include({
      filled: 100,
      empty: 0,
      style: 'good',
    });
    expect(
      progressBar({ kind: 'recurring', rhythm: 'weekly', covered: 1, due: 300, soFar: true }, 'farBehind'),
    ).to.include({
      filled: 1,
    });
    expect(
      progressBar({ kind: 'recurring', rhythm: 'weekly', covered: 299, due: 300, soFar: true }, 'onTrack'),
    ).to.include({
      filled: 99,
    });
    expect(progressBar({ kind: 'milestone', state: 'inProgress' }, 'onTrack')).to.include({
      filled: 50,
      style: 'good',
    });
    expect(progressBar({ kind: 'ongoing', done: 3 }, 'onTrack').show).to.equal(false);
    expect(progressShare({ kind: 'recurring', rhythm: 'monthly', covered: 0, due: 0, soFar: true })).to.equal(0);
  });

  it('pages are clamped, counted and numbered for "visar 11–20 av 25"', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(items, 1, 10)).to.deep.include({ page: 1, pages: 3, first: 11, last: 20, total: 25 });
    expect(pageOf(items, 9, 10)).to.deep.include({ page: 2, first: 21, last: 25 });
    expect(pageOf(items, -3, 10).page).to.equal(0);
    expect(pageOf([], 0, 10)).to.deep.include({ pages: 1, first: 0, last: 0 });
  });
});
