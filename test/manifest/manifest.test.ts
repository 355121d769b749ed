// The Teams app package: manifest/manifest.json, the icons, and scripts/package-manifest.mjs.
// Everything here runs offline: the manifest schema comes from @microsoft/app-manifest's bundled copy.

import { AppManifestUtils } from '@microsoft/app-manifest';
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST_DIR = join(ROOT, 'manifest');
const PACKAGE_SCRIPT = join(ROOT, 'scripts', 'package-manifest.mjs');
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const SCHEMA_URL_PREFIX = 'https://developer.microsoft.com/json-schemas/';

/** The commands of the PRODUCT.md command table, and /export (the tertial follow-up issue). */
const KNOWN_COMMANDS = [
  'hjälp',
  'logga',
  'status',
  'sammanfattning',
  'uppföljning',
  'mina',
  'ångra',
  'klar',
  'prenumerera',
  'avprenumerera',
  'nytt-medborgarlöfte',
  'export',
];

/** The way the bot matches commands: no leading slash, any case, å/ä/ö folded to a/a/o. */
function fold(command: string): string {
  return command
    .trim()
    .replace(/^\//, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  triggers?: string[];
  commands: Command[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  icons: { color: string; outline: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    supportsTargetedMessages?: boolean;
    commandLists?: CommandList[];
  }>;
  [key: string]: unknown;
}

type ValidationSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
type AppManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

function bundledSchemaPath(schemaUrl: string): string {
  expect(schemaUrl.startsWith(SCHEMA_URL_PREFIX), `$schema ${schemaUrl}`).to.equal(true);
  const packageMain = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return join(dirname(packageMain), 'json-schemas', ...schemaUrl.slice(SCHEMA_URL_PREFIX.length).split('/'));
}

function loadBundledSchema(schemaUrl: string): Record<string, any> {
  const text = readFileSync(bundledSchemaPath(schemaUrl), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text) as Record<string, any>;
}

async function validate(manifest: unknown): Promise<string[]> {
  const schema = loadBundledSchema((manifest as Manifest).$schema);
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema as ValidationSchema);
}

// ---------------------------------------------------------------- a minimal PNG reader

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  chunks: string[];
  idat: Buffer;
}

function readPng(file: string): Png {
  const buf = readFileSync(file);
  expect([...buf.subarray(0, 8)], `${file}: PNG signature`).to.deep.equal([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
  ]);
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  let offset = 8;
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    const crc = buf.readUInt32BE(offset + 8 + length);
    expect(crc, `${file}: CRC of ${type}`).to.equal(crc32(buf.subarray(offset + 4, offset + 8 + length)));
    chunks.push(type);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  expect(chunks[0], `${file}: first chunk`).to.equal('IHDR');
  expect(chunks[chunks.length - 1], `${file}: last chunk`).to.equal('IEND');
  return {
    width: ihdr!.readUInt32BE(0),
    height: ihdr!.readUInt32BE(4),
    bitDepth: ihdr![8]!,
    colorType: ihdr![9]!,
    interlace: ihdr![12]!,
    chunks,
    idat: Buffer.concat(idat),
  };
}

/** Decodes 8-bit RGB or RGBA, non-interlaced, into RGBA rows. Handles all five filter types. */
function decodeRgba(png: Png): Uint8Array {
  expect(png.bitDepth, 'bit depth').to.equal(8);
  expect([2, 6], 'colour type (RGB or RGBA)').to.include(png.colorType);
  expect(png.interlace, 'interlace').to.equal(0);
  const channels = png.colorType === 6 ? 4 : 3;
  const stride = png.width * channels;
  const raw = inflateSync(png.idat);
  expect(raw.length, 'inflated size').to.equal(png.height * (stride + 1));
  const pixels = new Uint8Array(png.height * stride);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`row ${y}: unknown filter type ${filter}`);
      }
      cur[i] = (line[i]! + predictor) & 0xff;
    }
  }
  if (channels === 4) return pixels;
  const rgba = new Uint8Array(png.width * png.height * 4);
  for (let p = 0; p < png.width * png.height; p++) {
    rgba.set([pixels[p * 3]!, pixels[p * 3 + 1]!, pixels[p * 3 + 2]!, 255], p * 4);
  }
  return rgba;
}

// ---------------------------------------------------------------- running the package script

function runPackage(env: Record<string, string>, args: string[]) {
  const result = spawnSync(process.execPath, [PACKAGE_SCRIPT, ...args], {
    cwd: ROOT,
    env: { ...process.env, MicrosoftAppId: '', TEAMS_APP_ID: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

describe('Teams app package (manifest/)', () => {
  describe('manifest.json', () => {
    it('names a schema that @microsoft/app-manifest bundles, so validation is offline', () => {
      const manifest = readManifest();
      const file = bundledSchemaPath(manifest.$schema);
      expect(existsSync(file), `bundled schema ${file}`).to.equal(true);
      const schema = loadBundledSchema(manifest.$schema);
      expect(schema.properties.manifestVersion.const ?? schema.properties.manifestVersion.enum?.[0]).to.equal(
        manifest.manifestVersion,
      );
    });

    it('validates against its schema with zero errors', async () => {
      const errors = await validate(readManifest());
      expect(errors, `schema errors:\n  ${errors.join('\n  ')}`).to.deep.equal([]);
    });

    it('the validation does catch a broken manifest', async () => {
      const broken = readManifest();
      broken.name.short = 'Medborgarlöfte med ett alldeles för långt namn';
      delete (broken.bots[0] as { botId?: string }).botId;
      const errors = await validate(broken);
      expect(
        errors.some((e) => e.startsWith('/name/short')),
        errors.join('\n'),
      ).to.equal(true);
      expect(
        errors.some((e) => e.includes('botId')),
        errors.join('\n'),
      ).to.equal(true);
    });

    it('keeps the placeholder GUID for the app id and bot id (the package script fills them in)', () => {
      const manifest = readManifest();
      expect(manifest.id).to.equal(PLACEHOLDER_ID);
      expect(manifest.bots[0]!.botId).to.equal(PLACEHOLDER_ID);
      expect(manifest.name.short).to.equal('Medborgarlöfte');
    });
  });

  describe('commands', () => {
    const manifest = readManifest();
    const bot = manifest.bots[0]!;
    const lists = bot.commandLists ?? [];
    const known = new Set(KNOWN_COMMANDS.map(fold));
    const titlesFor = (scope: string) =>
      lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => fold(c.title)));

    it('the bot is installable in personal, team and groupChat, with a command list for each', () => {
      expect([...bot.scopes].sort()).to.deep.equal(['groupChat', 'personal', 'team']);
      for (const scope of bot.scopes) {
        expect(
          lists.filter((l) => l.scopes.includes(scope)),
          `command lists for ${scope}`,
        ).to.have.lengthOf(1);
      }
    });

    it('every listed command is one the bot knows, written without the slash', () => {
      for (const list of lists) {
        for (const command of list.commands) {
          expect(command.title.startsWith('/'), `"${command.title}" has a leading slash`).to.equal(false);
          expect(known.has(fold(command.title)), `"${command.title}" is not a command of the bot`).to.equal(true);
        }
      }
    });

    it('has Swedish descriptions of at most 128 characters and no duplicates in a list', () => {
      for (const list of lists) {
        const titles = list.commands.map((c) => fold(c.title));
        expect(new Set(titles).size, `duplicates in ${list.scopes.join(',')}`).to.equal(titles.length);
        for (const command of list.commands) {
          expect(command.description ?? '', `description of ${command.title}`).to.have.length.within(1, 128);
        }
      }
    });

    it("respects the schema's limit on commands per list", () => {
      const schema = loadBundledSchema(manifest.$schema);
      const botSchema = schema.definitions?.bot ?? schema.properties.bots.items;
      const max: number = botSchema.properties.commandLists.items.properties.commands.maxItems;
      for (const list of lists) expect(list.commands.length, list.scopes.join(',')).to.be.at.most(max);
    });

    it('personal chat offers every command, including the coordinator ones', () => {
      expect(new Set(titlesFor('personal'))).to.deep.equal(known);
    });

    it('channels and group chats offer the everyday commands', () => {
      for (const scope of ['team', 'groupChat']) {
        expect(titlesFor(scope), scope).to.include.members(
          ['hjälp', 'logga', 'status', 'sammanfattning', 'uppföljning', 'prenumerera', 'avprenumerera'].map(fold),
        );
      }
    });

    it('offers the commands as slash commands too (which needs supportsTargetedMessages)', () => {
      for (const list of lists) expect(list.triggers, list.scopes.join(',')).to.include.members(['mention', 'slash']);
      expect(bot.supportsTargetedMessages).to.equal(true);
    });
  });

  describe('icons', () => {
    const manifest = readManifest();

    it('color icon is a 192×192 full-colour PNG', () => {
      const png = readPng(join(MANIFEST_DIR, manifest.icons.color));
      expect([png.width, png.height]).to.deep.equal([192, 192]);
      const rgba = decodeRgba(png);
      const colours = new Set<number>();
      let coloured = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        colours.add((rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!);
        if (Math.max(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!) - Math.min(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!) > 40) {
          coloured++;
        }
      }
      expect(colours.size, 'distinct colours').to.be.greaterThan(2);
      expect(coloured, 'saturated pixels').to.be.greaterThan(192 * 192 * 0.25);
    });

    it('outline icon is a 32×32 PNG with only white or transparent pixels', () => {
      const png = readPng(join(MANIFEST_DIR, manifest.icons.outline));
      expect([png.width, png.height]).to.deep.equal([32, 32]);
      expect(png.colorType, 'needs an alpha channel').to.equal(6);
      const rgba = decodeRgba(png);
      let visible = 0;
      let transparent = 0;
      const offenders: string[] = [];
      for (let p = 0; p < 32 * 32; p++) {
        const [r, g, b, a] = [rgba[p * 4]!, rgba[p * 4 + 1]!, rgba[p * 4 + 2]!, rgba[p * 4 + 3]!];
        if (a === 0) transparent++;
        else if (r === 255 && g === 255 && b === 255) visible++;
        else offenders.push(`(${p % 32},${Math.floor(p / 32)}) = rgba(${r},${g},${b},${a})`);
      }
      expect(offenders, `pixels neither white nor transparent:\n${offenders.slice(0, 10).join('\n')}`).to.deep.equal(
        [],
      );
      expect(visible, 'white pixels').to.be.greaterThan(50);
      expect(transparent, 'transparent pixels').to.be.greaterThan(200);
    });
  });

  describe('npm run package (scripts/package-manifest.mjs)', function () {
    this.timeout(60_000);
    const BOT_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    const TEAMS_APP_ID = '0d9e8f7a-1b2c-4d3e-9f80-7a6b5c4d3e2f';
    let dir: string;

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'medborgarlofte-package-'));
    });
    after(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    function readZip(file: string): Record<string, Uint8Array> {
      return unzipSync(new Uint8Array(readFileSync(file)));
    }

    it('builds a zip with manifest.json and the icons at the root, botId and id from MicrosoftAppId', () => {
      const out = join(dir, 'app.zip');
      const run = runPackage({ MicrosoftAppId: BOT_ID }, ['--out', out]);
      expect(run.status, `exit status; stderr:\n${run.stderr}`).to.equal(0);
      expect(run.stdout).to.include('app.zip');
      const files = readZip(out);
      expect(Object.keys(files).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
      const packaged = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest;
      expect(packaged.bots[0]!.botId).to.equal(BOT_ID);
      expect(packaged.id).to.equal(BOT_ID);
      const source = readManifest();
      expect({ ...packaged, id: PLACEHOLDER_ID, bots: source.bots }).to.deep.equal(source);
      for (const name of ['color.png', 'outline.png']) {
        expect(Buffer.from(files[name]!).equals(readFileSync(join(MANIFEST_DIR, name))), name).to.equal(true);
      }
    });

    it('takes the app id from TEAMS_APP_ID when it is set', () => {
      const out = join(dir, 'with-teams-app-id.zip');
      const run = runPackage({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID }, ['--out', out]);
      expect(run.status, `exit status; stderr:\n${run.stderr}`).to.equal(0);
      const packaged = JSON.parse(strFromU8(readZip(out)['manifest.json']!)) as Manifest;
      expect(packaged.id).to.equal(TEAMS_APP_ID);
      expect(packaged.bots[0]!.botId).to.equal(BOT_ID);
    });

    it('refuses an app id that is not a GUID, with exit status 1 and no zip', () => {
      const out = join(dir, 'bad.zip');
      const run = runPackage({ MicrosoftAppId: 'not-a-guid' }, ['--out', out]);
      expect(run.status).to.equal(1);
      expect(run.stderr).to.include('MicrosoftAppId');
      expect(existsSync(out)).to.equal(false);
    });
  });
});
