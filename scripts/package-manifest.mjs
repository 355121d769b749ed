#!/usr/bin/env node
// Builds the Teams app package: dist/medborgarlofte-teams-app.zip with manifest.json and the two
// icons at the zip root.
//
//   npm run package                  (= node scripts/package-manifest.mjs)
//   node scripts/package-manifest.mjs --out /some/where/app.zip
//
// manifest/manifest.json keeps the placeholder GUID 00000000-0000-0000-0000-000000000000. Here:
//   MicrosoftAppId  → bots[0].botId, and the app's id unless TEAMS_APP_ID is set
//   TEAMS_APP_ID    → id
// Values come from the environment; a .env file in the project root fills in variables that are
// not set at all (same convention as the bot's runtime). Empty values count as unset.
//
// The manifest is validated against the JSON schema named in its $schema, loaded from the copy
// bundled in @microsoft/app-manifest (never fetched from the network), and the icons are checked to
// be PNGs of the sizes Teams requires. Any failure prints the reasons and exits with status 1.
// No build step is needed: plain Node plus the packages `npm ci` installs.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as util from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_DIR = join(ROOT, 'manifest');
const DEFAULT_OUT = join(ROOT, 'dist', 'medborgarlofte-teams-app.zip');
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const ICON_SIZES = { color: [192, 192], outline: [32, 32], color32x32: [32, 32] };
const SCHEMA_URL_PREFIX = 'https://developer.microsoft.com/json-schemas/';

class PackageError extends Error {
  /** @param {string} message @param {string[]} [details] */
  constructor(message, details = []) {
    super(message);
    this.details = details;
  }
}

function parseArgs(argv) {
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '-o') {
      const value = argv[++i];
      if (!value) throw new PackageError(`${arg} needs a path`);
      out = resolve(value);
    } else if (arg.startsWith('--out=')) {
      out = resolve(arg.slice('--out='.length));
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/package-manifest.mjs [--out <zip path>]');
      process.exit(0);
    } else {
      throw new PackageError(`unknown argument: ${arg}`);
    }
  }
  return { out };
}

/** util.parseEnv where Node has it (20.12+), else enough of the same for KEY=value lines. */
function parseDotEnv(text) {
  if (typeof util.parseEnv === 'function') return util.parseEnv(text);
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2];
    const quoted = /^(['"`])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    values[m[1]] = value;
  }
  return values;
}

/** Fills variables that are not set at all from ROOT/.env, if present. */
function loadDotEnv() {
  const file = join(ROOT, '.env');
  if (!existsSync(file)) return;
  const values = parseDotEnv(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(values)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

function envGuid(name) {
  const value = process.env[name]?.trim();
  if (!value) return undefined;
  if (!GUID.test(value)) {
    throw new PackageError(`${name} must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got "${value}"`);
  }
  return value;
}

function readManifest() {
  const file = join(MANIFEST_DIR, 'manifest.json');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PackageError(`cannot read ${file}: ${e instanceof Error ? e.message : e}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new PackageError(`${file} is not valid JSON: ${e instanceof Error ? e.message : e}`);
  }
}

function substituteIds(manifest) {
  const appId = envGuid('MicrosoftAppId');
  const teamsAppId = envGuid('TEAMS_APP_ID');
  const bot = manifest.bots?.[0];
  if (!bot) throw new PackageError('manifest.json has no bots[0]');
  if (appId) bot.botId = appId;
  if (teamsAppId) manifest.id = teamsAppId;
  else if (appId) manifest.id = appId;
  const warnings = [];
  if (bot.botId === PLACEHOLDER_ID) {
    warnings.push('MicrosoftAppId is not set: bots[0].botId is the placeholder GUID; the package will not reach a bot');
  }
  if (manifest.id === PLACEHOLDER_ID) {
    warnings.push('neither TEAMS_APP_ID nor MicrosoftAppId is set: the app id is the placeholder GUID');
  }
  return warnings;
}

/** Loads the schema named by $schema from @microsoft/app-manifest's bundled copies. Offline only. */
function loadBundledSchema(schemaUrl) {
  if (typeof schemaUrl !== 'string' || !schemaUrl.startsWith(SCHEMA_URL_PREFIX)) {
    throw new PackageError(`$schema must be a ${SCHEMA_URL_PREFIX}teams/... URL, got ${JSON.stringify(schemaUrl)}`);
  }
  const require = createRequire(import.meta.url);
  let packageMain;
  try {
    packageMain = require.resolve('@microsoft/app-manifest');
  } catch {
    throw new PackageError('@microsoft/app-manifest is not installed; run `npm ci` (it is a dev dependency)');
  }
  const suffix = schemaUrl.slice(SCHEMA_URL_PREFIX.length);
  const file = join(dirname(packageMain), 'json-schemas', ...suffix.split('/'));
  if (!existsSync(file)) {
    throw new PackageError(
      `the installed @microsoft/app-manifest does not bundle ${schemaUrl} (looked for ${file}); ` +
        'pick a manifestVersion whose schema it bundles',
    );
  }
  // Same clean-up the library applies to its own copies (some schemas contain \a and \v escapes).
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text);
}

async function validateSchema(manifest) {
  const schema = loadBundledSchema(manifest.$schema);
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

/** Width and height from a PNG's IHDR chunk, or an error string. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return 'is not a PNG file';
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return 'has no IHDR chunk first';
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function readIcons(manifest) {
  const files = {};
  const errors = [];
  for (const [kind, name] of Object.entries(manifest.icons ?? {})) {
    if (typeof name !== 'string') continue;
    const file = resolve(MANIFEST_DIR, name);
    const rel = relative(MANIFEST_DIR, file);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      errors.push(`icons.${kind}: ${name} is outside manifest/`);
      continue;
    }
    if (!existsSync(file)) {
      errors.push(`icons.${kind}: ${name} does not exist in manifest/ (run node scripts/make-icons.mjs)`);
      continue;
    }
    const bytes = readFileSync(file);
    const size = pngSize(bytes);
    const want = ICON_SIZES[kind];
    if (typeof size === 'string') errors.push(`icons.${kind}: ${name} ${size}`);
    else if (want && (size[0] !== want[0] || size[1] !== want[1])) {
      errors.push(`icons.${kind}: ${name} is ${size[0]}×${size[1]}, Teams requires ${want[0]}×${want[1]}`);
    } else files[rel.split('\\').join('/')] = new Uint8Array(bytes);
  }
  return { files, errors };
}

function formatSize(bytes) {
  return bytes < 1024 ? `${bytes} bytes` : `${bytes} bytes, ${(bytes / 1024).toFixed(1)} kB`;
}

async function main() {
  const { out } = parseArgs(process.argv.slice(2));
  loadDotEnv();
  const manifest = readManifest();
  const warnings = substituteIds(manifest);

  const errors = await validateSchema(manifest);
  const icons = readIcons(manifest);
  errors.push(...icons.errors);
  if (errors.length > 0) {
    throw new PackageError(`manifest/manifest.json is not a valid Teams app manifest (${manifest.$schema})`, errors);
  }

  const { strToU8, zipSync } = await import('fflate');
  const entries = { 'manifest.json': strToU8(JSON.stringify(manifest, null, 2) + '\n'), ...icons.files };
  // Fixed timestamps so the same inputs give the same zip.
  const zip = zipSync(entries, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);

  for (const warning of warnings) console.warn(`warning: ${warning}`);
  console.log(`Teams app package: ${relative(process.cwd(), out) || out} (${formatSize(zip.length)})`);
  console.log(`  app id ${manifest.id}, bot id ${manifest.bots[0].botId}, manifest ${manifest.manifestVersion}`);
  console.log(`  contents: ${Object.keys(entries).join(', ')}`);
}

main().catch((e) => {
  if (e instanceof PackageError) {
    console.error(`package-manifest: ${e.message}`);
    for (const detail of e.details) console.error(`  - ${detail}`);
  } else {
    console.error('package-manifest: unexpected error');
    console.error(e);
  }
  process.exit(1);
});
