// Microsoft's Adaptive Cards renderer in a headless Chromium page, shared by the card scripts
// (cards-preview.ts: pictures; card-heights.ts: heights), so both draw a card exactly alike.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { TEAMS_LIGHT_HOST_CONFIG } from './teamsHostConfig.js';

/** Debian's chromium unless CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The SDK as a browser script: it loads in Node only under jsdom, so it runs in the page instead. */
const SDK = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

/** Buttons and inputs styled like Teams' (a button is about 32 px tall), so they take a phone's space. */
export const TEAMS_LIKE_CONTROLS_CSS = `
    .ac-pushButton { background: #fff; border: 1px solid #d1d1d1; border-radius: 4px; padding: 6px 12px; font: 600 14px 'Segoe UI', system-ui, 'DejaVu Sans', sans-serif; color: #252424; }
    .ac-pushButton.style-positive { background: #6264a7; color: #fff; border-color: #6264a7; }
    .ac-input { font: 14px 'Segoe UI', system-ui, 'DejaVu Sans', sans-serif; padding: 6px 8px; border: 1px solid #d1d1d1; border-radius: 4px; }`;

/** The script that gives the page its card and the Teams-like host config (window.CARD, window.HOST_CONFIG). */
export function cardScript(card: unknown): string {
  return `<script>window.CARD=${JSON.stringify(card)};window.HOST_CONFIG=${JSON.stringify(TEAMS_LIGHT_HOST_CONFIG)};</script>`;
}

/**
 * Loads `html` (which must hold an element with id "card" and `cardScript(card)`) into `tab`,
 * renders the card with schema 1.5 (the newest Teams accepts) into #card and waits for its fonts.
 * Throws naming `name` when the renderer reports any parse problem, so no script measures or
 * draws a card Teams would show differently.
 */
export async function renderCard(tab: Page, name: string, html: string): Promise<void> {
  await tab.setContent(html);
  await tab.addScriptTag({ path: SDK });
  const problems = await tab.evaluate(() => {
    const w = window as unknown as { AdaptiveCards: typeof import('adaptivecards'); CARD: object; HOST_CONFIG: object };
    const AC = w.AdaptiveCards;
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig(w.HOST_CONFIG);
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    adaptive.parse(w.CARD, context);
    const rendered = adaptive.render();
    if (rendered) document.getElementById('card')?.appendChild(rendered);
    return context.eventCount;
  });
  if (problems > 0) throw new Error(`${name}: the renderer reported ${problems} problem(s)`);
  await tab.evaluate(() => document.fonts.ready);
}
