import { describe, expect, test } from '../../../test/fixtures.js';
import { registerShopper } from './accounts.testing.js';

const FIELDS = 'id recipientName phone countryCode region city postalCode line1 line2 isDefault';
const CREATE = `
  mutation ($input: AddressInput!, $setAsDefault: Boolean) {
    createAddress(input: $input, setAsDefault: $setAsDefault) {
      address { ${FIELDS} }
      viewer { addresses { id isDefault } defaultAddress { id } }
      userErrors { code field message }
    }
  }`;
const UPDATE = `
  mutation ($id: ID!, $input: AddressInput!) {
    updateAddress(id: $id, input: $input) { address { ${FIELDS} } userErrors { code field } }
  }`;
const DELETE = `
  mutation ($id: ID!) {
    deleteAddress(id: $id) { deletedAddressId viewer { addresses { id isDefault } } userErrors { code field } }
  }`;
const SET_DEFAULT = `
  mutation ($id: ID!) {
    setDefaultAddress(id: $id) { address { id isDefault } viewer { addresses { id isDefault } } userErrors { code field } }
  }`;
const ADDRESSES = `{ viewer { addresses { ${FIELDS} } defaultAddress { id } } }`;

const HOME = {
  recipientName: '陳小明',
  phone: '+886 912 345 678',
  countryCode: 'tw',
  region: '臺北市',
  city: '大安區',
  postalCode: '106',
  line1: '忠孝東路四段 100 號',
  line2: '5 樓',
};
const OFFICE = {
  recipientName: 'Ming Chen',
  phone: '+852 9123 4567',
  countryCode: 'HK',
  city: 'Central',
  line1: '1 Queen’s Road Central',
};

type Api = Parameters<typeof registerShopper>[0];
const create = async (api: Api, token: string, input: object = HOME, setAsDefault?: boolean) =>
  (await api.gql(CREATE, { input, setAsDefault }, { token })).data.createAddress;
const tableOf = (api: Api) => api.sql(`select * from address order by id`);
const defaultsPerUser = (api: Api) =>
  api.sql(
    `select user_id, count(*) filter (where is_default)::int as defaults from address group by user_id`,
  );

describe('address book', () => {
  test('adds addresses; the first becomes the default, then the one asked for', async ({ api }) => {
    const { token } = await registerShopper(api);
    const first = await create(api, token);
    expect(first.userErrors).toEqual([]);
    expect(first.address).toMatchObject({
      recipientName: '陳小明',
      phone: '+886912345678',
      countryCode: 'TW',
      region: '臺北市',
      city: '大安區',
      postalCode: '106',
      line1: '忠孝東路四段 100 號',
      line2: '5 樓',
      isDefault: true,
    });
    const second = await create(api, token, OFFICE);
    expect(second.address).toMatchObject({ isDefault: false, region: null, postalCode: null, line2: null });
    const third = await create(api, token, { ...OFFICE, recipientName: 'Third' }, true);
    expect(third.address.isDefault).toBe(true);
    // The payload's viewer shows the new flags of every address at once.
    expect(third.viewer.addresses).toEqual([
      { id: third.address.id, isDefault: true },
      { id: second.address.id, isDefault: false },
      { id: first.address.id, isDefault: false },
    ]);
    expect(third.viewer.defaultAddress.id).toBe(third.address.id);

    const listed = await api.gql(ADDRESSES, {}, { token });
    expect(listed.data.viewer.addresses.map((a: { id: string }) => a.id)).toEqual([
      third.address.id,
      second.address.id,
      first.address.id,
    ]);
    const node = await api.gql(
      'query ($id: ID!) { node(id: $id) { ... on Address { city } } }',
      {
        id: first.address.id,
      },
      { token },
    );
    expect(node.data.node).toEqual({ city: '大安區' });
  });

  test('updates the fields of an address and keeps its default flag', async ({ api }) => {
    const { token } = await registerShopper(api);
    const { address } = await create(api, token);
    const res = await api.gql(UPDATE, { id: address.id, input: { ...OFFICE, line2: 'Floor 12' } }, { token });
    expect(res.data.updateAddress).toMatchObject({
      address: {
        id: address.id,
        recipientName: 'Ming Chen',
        countryCode: 'HK',
        region: null,
        line2: 'Floor 12',
        isDefault: true,
      },
      userErrors: [],
    });
  });

  test('setDefaultAddress moves the default; exactly one address is the default', async ({ api }) => {
    const { token } = await registerShopper(api);
    const a = (await create(api, token)).address;
    const b = (await create(api, token, OFFICE)).address;
    const res = await api.gql(SET_DEFAULT, { id: b.id }, { token });
    expect(res.data.setDefaultAddress).toEqual({
      address: { id: b.id, isDefault: true },
      viewer: {
        addresses: [
          { id: b.id, isDefault: true },
          { id: a.id, isDefault: false },
        ],
      },
      userErrors: [],
    });
    // Setting the default again is harmless.
    expect((await api.gql(SET_DEFAULT, { id: b.id }, { token })).data.setDefaultAddress.userErrors).toEqual(
      [],
    );
    expect((await defaultsPerUser(api)).every((r) => r.defaults === 1)).toBe(true);
  });

  test('deleting the default makes the newest remaining address the default', async ({ api }) => {
    const { token } = await registerShopper(api);
    const a = (await create(api, token)).address;
    const b = (await create(api, token, OFFICE)).address;
    const c = (await create(api, token, { ...OFFICE, city: 'Wan Chai' })).address;
    const res = await api.gql(DELETE, { id: a.id }, { token });
    expect(res.data.deleteAddress).toEqual({
      deletedAddressId: a.id,
      viewer: {
        addresses: [
          { id: c.id, isDefault: true },
          { id: b.id, isDefault: false },
        ],
      },
      userErrors: [],
    });
    await api.gql(DELETE, { id: c.id }, { token });
    const last = await api.gql(DELETE, { id: b.id }, { token });
    expect(last.data.deleteAddress.viewer.addresses).toEqual([]);
  });

  test('keeps at most 20 addresses', async ({ api }) => {
    const { token } = await registerShopper(api);
    for (let i = 0; i < 20; i++) {
      expect((await create(api, token, { ...OFFICE, line1: `${i} Queen’s Road` })).userErrors).toEqual([]);
    }
    const before = await tableOf(api);
    const full = await create(api, token, OFFICE, true);
    expect(full).toEqual({
      address: null,
      viewer: null,
      userErrors: [expect.objectContaining({ code: 'TOO_MANY_ADDRESSES' })],
    });
    expect(await tableOf(api)).toEqual(before);
  });

  test('keeps one default when many addresses are added at once', async ({ api }) => {
    const { token } = await registerShopper(api);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        create(api, token, { ...OFFICE, line1: `${i} Des Voeux Road` }, i % 2 === 0),
      ),
    );
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    const listed = await api.gql(ADDRESSES, {}, { token });
    expect(listed.data.viewer.addresses.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
  });

  test.for([
    ['an empty recipient', { recipientName: ' ' }, 'INVALID_RECIPIENT_NAME', 'recipientName'],
    ['a long recipient', { recipientName: 'x'.repeat(101) }, 'INVALID_RECIPIENT_NAME', 'recipientName'],
    ['a phone without country code', { phone: '0912345678' }, 'INVALID_PHONE', 'phone'],
    ['an unknown country', { countryCode: 'XX' }, 'INVALID_COUNTRY', 'countryCode'],
    ['a long region', { region: 'x'.repeat(101) }, 'INVALID_REGION', 'region'],
    ['an empty city', { city: '' }, 'INVALID_CITY', 'city'],
    ['a Taiwanese postal code of 4 digits', { postalCode: '1060' }, 'INVALID_POSTAL_CODE', 'postalCode'],
    ['an empty street', { line1: '' }, 'INVALID_LINE1', 'line1'],
    ['a long second line', { line2: 'x'.repeat(201) }, 'INVALID_LINE2', 'line2'],
  ] as const)(
    'refuses %s on create and update, changing nothing',
    async ([, change, code, field], { api }) => {
      const { token } = await registerShopper(api);
      const { address } = await create(api, token);
      const before = await tableOf(api);
      const created = await create(api, token, { ...HOME, ...change });
      expect(created).toEqual({
        address: null,
        viewer: null,
        userErrors: [expect.objectContaining({ code, field: ['input', field] })],
      });
      const updated = await api.gql(UPDATE, { id: address.id, input: { ...HOME, ...change } }, { token });
      expect(updated.data.updateAddress).toEqual({
        address: null,
        userErrors: [{ code, field: ['input', field] }],
      });
      expect(await tableOf(api)).toEqual(before);
    },
  );
});

describe('another shopper’s address', () => {
  test('is not found by update, delete, set-default or node, and nothing changes', async ({ api }) => {
    const owner = await registerShopper(api);
    const intruder = await registerShopper(api);
    const a = (await create(api, owner.token)).address;
    const b = (await create(api, owner.token, OFFICE)).address;
    await create(api, intruder.token, OFFICE);
    const before = await tableOf(api);

    const updated = await api.gql(UPDATE, { id: b.id, input: OFFICE }, { token: intruder.token });
    expect(updated.data.updateAddress).toEqual({
      address: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['id'] }],
    });
    // Even invalid input says "not found" for a foreign id, so nothing about the address leaks.
    const invalid = await api.gql(
      UPDATE,
      { id: b.id, input: { ...OFFICE, city: '' } },
      { token: intruder.token },
    );
    expect(invalid.data.updateAddress.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    const deleted = await api.gql(DELETE, { id: a.id }, { token: intruder.token });
    expect(deleted.data.deleteAddress).toEqual({
      deletedAddressId: null,
      viewer: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['id'] }],
    });
    const defaulted = await api.gql(SET_DEFAULT, { id: b.id }, { token: intruder.token });
    expect(defaulted.data.setDefaultAddress).toEqual({
      address: null,
      viewer: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['id'] }],
    });
    const node = await api.gql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: a.id },
      { token: intruder.token },
    );
    expect(node.data.node).toBeNull();

    expect(await tableOf(api)).toEqual(before);
    const own = await api.gql(ADDRESSES, {}, { token: intruder.token });
    expect(own.data.viewer.addresses).toHaveLength(1);
  });

  test.for([
    ['an id of another type', Buffer.from('Product:1').toString('base64url')],
    ['garbage', 'not-an-id'],
    ['a deleted address', Buffer.from('Address:999999').toString('base64url')],
  ])('%s is not found either', async ([, id], { api }) => {
    const { token } = await registerShopper(api);
    for (const [query, key] of [
      [DELETE, 'deleteAddress'],
      [SET_DEFAULT, 'setDefaultAddress'],
    ] as const) {
      const res = await api.gql(query, { id }, { token });
      expect(res.data[key].userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    }
    const res = await api.gql(UPDATE, { id, input: HOME }, { token });
    expect(res.data.updateAddress.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
  });
});

describe('a guest', () => {
  test('cannot use the address book', async ({ api }) => {
    const id = Buffer.from('Address:1').toString('base64url');
    const before = await tableOf(api);
    const calls = [
      api.gql(CREATE, { input: HOME }),
      api.gql(UPDATE, { id, input: HOME }),
      api.gql(DELETE, { id }),
      api.gql(SET_DEFAULT, { id }),
    ];
    for (const res of await Promise.all(calls))
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await tableOf(api)).toEqual(before);
  });
});
