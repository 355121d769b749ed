// How long a Teams message id is held by the instance that claimed it. Teams waits about 15 s for
// an answer and then sends the message again (Bot Framework: "the bot must respond within 15
// seconds"); a claim not done by then belongs to a turn Teams has given up on (its instance died or
// hangs), so the resend may take it over. An answered message's id is held for the day: Teams resends
// within minutes, never days.

/** A claim not marked done is taken over by a resend this long after it was made, ms. */
export const DELIVERY_TAKEOVER_MS = 15_000;

/** An answered message's id is held this long, ms. */
export const DELIVERY_DONE_MS = 24 * 60 * 60 * 1000;
