// A connector's 403 that means "not now" rather than "never": Teams' administrator has switched the
// bot off, or the tenant's app permission policy blocks it. These lift without anyone touching the
// subscription, so the subscription pauses for the week instead of ending.
const TEMPORARY_BLOCKS: readonly { code: RegExp; name: string }[] = [
  { code: /\bBotDisabledByAdmin\b/u, name: 'BotDisabledByAdmin' },
  {
    code: /\b(?:TenantAppPolicy\w*|AppPermissionPolicy\w*|AppBlockedByPolicy|AppDisabledByPolicy)\b/u,
    name: 'AppPolicy',
  },
];

/**
 * The temporary block a connector answer names ("BotDisabledByAdmin", "AppPolicy"), or undefined
 * for any other answer. `body` is the answer's text as the connector sent it (its error code is in
 * it, e.g. {"error":{"code":"BotDisabledByAdmin"}}).
 */
export function temporaryBlock(status: number, body: string): string | undefined {
  if (status !== 403) return undefined;
  return TEMPORARY_BLOCKS.find((b) => b.code.test(body))?.name;
}
