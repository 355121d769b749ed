// What /healthz says when the bot is not ready: read by whoever runs the bot (Swedish, then English,
// since a load balancer's log or an English-speaking operator may be the reader).

/** The store did not answer the readiness check in time; `timeoutMs` is the check's limit. */
export function storeNotReadyText(timeoutMs: number): string {
  return `Lagringen svarar inte (inom ${timeoutMs} ms): boten tar inte emot meddelanden just nu. / The store does not answer (within ${timeoutMs} ms): the bot cannot take messages now.`;
}
