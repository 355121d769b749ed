// A stand-in for login.botframework.com on 127.0.0.1: an OpenID metadata document and a JWKS with
// keys made here, and Bot Framework channel tokens signed with them (RS256, as the channel signs).
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function makeKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** A compact JWS (header.payload.signature) signed with `key` under `kid` (default: the key's own). */
export function signToken(key: SigningKey, claims: Record<string, unknown>, kid = key.kid): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

export interface TokenIssuer {
  metadataUrl: string;
  requests: () => number;
  close: () => Promise<void>;
}

/** Serves GET /openid (the metadata) and GET /keys (the JWKS holding `published`), endorsed for msteams. */
export async function startTokenIssuer(published: readonly SigningKey[]): Promise<TokenIssuer> {
  let requests = 0;
  let base = '';
  const server: Server = createServer((req, res) => {
    requests++;
    if (req.url === '/openid') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer: CHANNEL_ISSUER,
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
      return;
    }
    if (req.url === '/keys') {
      const keys = published.map((k) => ({
        ...(k.publicKey.export({ format: 'jwk' }) as Record<string, string>),
        kid: k.kid,
        use: 'sig',
        alg: 'RS256',
        endorsements: ['msteams'],
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    metadataUrl: `${base}/openid`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
