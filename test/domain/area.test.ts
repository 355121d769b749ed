// Which area a conversation works in, from plain data: tenants, bindings and who may bind.
import { expect } from 'chai';
import fc from 'fast-check';
import { overlappingAgreements, type Agreement } from '../../src/domain/agreement.js';
import {
  areaAllowsTenant,
  areasForTenant,
  findAreas,
  mayBind,
  resolveArea,
  type Area,
  type Binding,
} from '../../src/domain/area.js';

const area = (id: string, name: string, tenants: string[]): Area => ({
  id,
  name,
  policeArea: 'Lokalpolisområde södra Vätterbygden',
  tenants,
  coordinators: [],
});

const JONKOPING = area('jonkoping', 'Jönköpings kommun', ['t-jkpg', 't-polis']);
const HABO = area('habo', 'Habo kommun', ['t-habo', 't-polis']);
const OPEN = area('provomrade', 'Provkommun', []);
const AREAS = [JONKOPING, HABO];

const bound = (areaId: string, at = '2026-01-01T00:00:00.000Z'): Binding => ({ areaId, at });

describe('areas: tenant rules', () => {
  const table: [string, Area[], string | undefined, string[]][] = [
    ['a kommun tenant sees its own area only', AREAS, 't-jkpg', ['jonkoping']],
    ['the other kommun likewise', AREAS, 't-habo', ['habo']],
    ['the police tenant is in both', AREAS, 't-polis', ['jonkoping', 'habo']],
    ['a tenant in no area sees none', AREAS, 't-other', []],
    ['no tenant (emulator) sees no area that lists tenants', AREAS, undefined, []],
    ['tenant ids are compared without case or spaces', AREAS, ' T-HABO ', ['habo']],
    ['an area with no tenants listed is open to all', [OPEN], 't-anyone', ['provomrade']],
    ['…also without a tenant', [OPEN], undefined, ['provomrade']],
    ['an open area beside listed ones is one more choice', [JONKOPING, OPEN], 't-jkpg', ['jonkoping', 'provomrade']],
    ['no areas: nobody', [], 't-jkpg', []],
  ];
  for (const [name, areas, tenant, expected] of table) {
    it(name, () => {
      expect(areasForTenant(areas, tenant).map((a) => a.id)).to.deep.equal(expected);
    });
  }

  it('areaAllowsTenant agrees with areasForTenant for any tenant (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), (tenant) => {
        const allowed = areasForTenant([JONKOPING, HABO, OPEN], tenant).map((a) => a.id);
        for (const a of [JONKOPING, HABO, OPEN]) expect(allowed.includes(a.id)).to.equal(areaAllowsTenant(a, tenant));
      }),
    );
  });
});

describe('areas: which area applies', () => {
  const table: [string, Parameters<typeof resolveArea>[0], string][] = [
    ['a tenant in exactly one area gets it at once', { areas: AREAS, tenantId: 't-habo' }, 'area:habo:tenant'],
    ['a tenant in two areas is asked', { areas: AREAS, tenantId: 't-polis' }, 'ask:jonkoping,habo'],
    ['a tenant in no area is refused', { areas: AREAS, tenantId: 't-other' }, 'refused'],
    [
      'a bound conversation uses its binding',
      { areas: AREAS, tenantId: 't-polis', conversationBinding: bound('habo') },
      'area:habo:conversation',
    ],
    [
      'a channel uses its team binding',
      { areas: AREAS, tenantId: 't-polis', teamBinding: bound('habo') },
      'area:habo:team',
    ],
    [
      "a channel's own binding wins over its team's",
      { areas: AREAS, tenantId: 't-polis', conversationBinding: bound('jonkoping'), teamBinding: bound('habo') },
      'area:jonkoping:conversation',
    ],
    [
      'a binding to an area the tenant may not use does not count',
      { areas: AREAS, tenantId: 't-jkpg', conversationBinding: bound('habo') },
      'area:jonkoping:tenant',
    ],
    [
      '…and with no other area the tenant is refused',
      { areas: [HABO], tenantId: 't-jkpg', conversationBinding: bound('habo') },
      'refused',
    ],
    [
      'a binding to an area since removed does not count',
      { areas: AREAS, tenantId: 't-polis', conversationBinding: bound('mullsjo') },
      'ask:jonkoping,habo',
    ],
    [
      'a single open area (single-area trial) never asks',
      { areas: [OPEN], tenantId: undefined },
      'area:provomrade:tenant',
    ],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => {
      const r = resolveArea(input);
      const shown =
        r.kind === 'area'
          ? `area:${r.area.id}:${r.via}`
          : r.kind === 'ask'
            ? `ask:${r.areas.map((a) => a.id).join(',')}`
            : 'refused';
      expect(shown).to.equal(expected);
    });
  }

  it('never gives an area the tenant may not use, whatever the bindings (property)', () => {
    const id = fc.constantFrom('jonkoping', 'habo', 'provomrade', 'mullsjo');
    fc.assert(
      fc.property(
        fc.constantFrom('t-jkpg', 't-habo', 't-polis', 't-other', undefined),
        fc.option(id, { nil: undefined }),
        fc.option(id, { nil: undefined }),
        (tenant, own, team) => {
          const areas = [JONKOPING, HABO];
          const r = resolveArea({
            areas,
            tenantId: tenant,
            conversationBinding: own ? bound(own) : undefined,
            teamBinding: team ? bound(team) : undefined,
          });
          const allowed = areasForTenant(areas, tenant).map((a) => a.id);
          if (r.kind === 'area') expect(allowed).to.include(r.area.id);
          if (r.kind === 'ask') expect(r.areas.map((a) => a.id)).to.deep.equal(allowed);
          if (r.kind === 'refused') expect(allowed).to.deep.equal([]);
        },
      ),
    );
  });
});

describe('areas: who may bind a conversation', () => {
  const table: [Parameters<typeof mayBind>[0], boolean, boolean, boolean][] = [
    ['personal', false, false, true],
    ['groupChat', false, false, false],
    ['groupChat', true, false, true],
    ['groupChat', false, true, true],
    ['channel', false, false, false],
    ['channel', true, false, true],
    ['channel', false, true, true],
  ];
  for (const [kind, coordinator, admin, expected] of table) {
    it(`${kind}, coordinator ${coordinator}, admin ${admin}: ${expected ? 'may' : 'may not'}`, () => {
      expect(mayBind(kind, { coordinator, admin })).to.equal(expected);
    });
  }
});

describe('areas: names people type', () => {
  const table: [string, string[]][] = [
    ['habo', ['habo']],
    ['Habo', ['habo']],
    ['Habo kommun', ['habo']],
    ['Jönköping', ['jonkoping']],
    ['jonkoping', ['jonkoping']],
    ['Jönköpings kommun', ['jonkoping']],
    ['södra vätterbygden', ['jonkoping', 'habo']],
    ['Mullsjö', []],
    ['', []],
  ];
  for (const [typed, expected] of table) {
    it(`"${typed}" → ${expected.join(',') || 'none'}`, () => {
      expect(findAreas(AREAS, typed).map((a) => a.id)).to.deep.equal(expected);
    });
  }
});

describe('agreements: overlap', () => {
  const agreement = (id: string, start: string, end: string) => ({ id, period: { start, end } }) as Agreement;
  it('finds two periods that share a day, and none when they only touch', () => {
    expect(
      overlappingAgreements([
        agreement('a', '2020-01-01', '2020-12-31'),
        agreement('b', '2020-12-31', '2021-06-30'),
      ])?.map((a) => a.id),
    ).to.deep.equal(['a', 'b']);
    expect(
      overlappingAgreements([agreement('a', '2020-01-01', '2020-12-31'), agreement('b', '2021-01-01', '2021-12-31')]),
    ).to.equal(undefined);
    expect(overlappingAgreements([])).to.equal(undefined);
  });
});
