import { ADDRESS, call, dbId, ownerOf } from '../support.js';
import {
  type Actor,
  type MatrixCase,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  SIGNED_IN,
  userError,
} from '../types.js';

/**
 * The address book is the account's own: target A is an address of the shopper actor, target B another
 * shopper's. Nobody else (staff included) can read or change it: NOT_FOUND, nothing changed.
 */

const CREATE = `mutation ($input: AddressInput!) { createAddress(input: $input) { address { id } userErrors { code } } }`;
const UPDATE = `mutation ($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) {
  address { city } userErrors { code } } }`;
const DELETE = `mutation ($id: ID!) { deleteAddress(id: $id) { deletedAddressId userErrors { code } } }`;
const DEFAULT = `mutation ($id: ID!) { setDefaultAddress(id: $id) { address { id } userErrors { code } } }`;

const OWN: Record<Actor, Outcome> = {
  guest: 'UNAUTHENTICATED',
  shopper: 'ALLOWED',
  staffA: userError('NOT_FOUND'),
  support: userError('NOT_FOUND'),
  admin: userError('NOT_FOUND'),
};
const OTHERS: Record<Actor, Outcome> = { ...OWN, shopper: userError('NOT_FOUND') };

async function addressRow(ctx: MatrixContext, id: string) {
  const [row] = await ctx.api.sql<{ city: string; is_default: boolean }>(
    'select * from address where id = $1',
    [dbId(id)],
  );
  return row;
}

function addressCases(
  query: string,
  variables: (id: string) => Record<string, unknown>,
  verify: (row: Awaited<ReturnType<typeof addressRow>>) => string | null,
): MatrixCase[] {
  return (['A', 'B'] as const).map((target) => ({
    target,
    name: target === 'A' ? "the shopper's own address (not the default)" : "another shopper's address",
    expect: target === 'A' ? OWN : OTHERS,
    async prepare(ctx) {
      const owner = await ownerOf(ctx, target);
      // Two addresses: the first becomes the default, the second is the target.
      await call(ctx, owner.token, CREATE, { input: ADDRESS });
      const created = await call(ctx, owner.token, CREATE, { input: { ...ADDRESS, city: 'Tainan' } });
      const id = created.createAddress.address.id as string;
      return {
        query,
        variables: variables(id),
        async verify() {
          const problem = verify(await addressRow(ctx, id));
          if (problem) throw new Error(problem);
        },
      };
    },
  }));
}

export const addressesEntries: MatrixEntry[] = [
  {
    operation: 'createAddress',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: "in the caller's own address book",
        expect: SIGNED_IN,
        reusable: true,
        prepare: async () => ({ query: CREATE, variables: { input: { ...ADDRESS, city: 'Hsinchu' } } }),
      },
    ],
  },
  {
    operation: 'updateAddress',
    kind: 'mutation',
    cases: addressCases(
      UPDATE,
      (id) => ({ id, input: { ...ADDRESS, city: 'Kaohsiung' } }),
      (row) => (row?.city === 'Kaohsiung' ? null : `city is ${row?.city}`),
    ),
  },
  {
    operation: 'deleteAddress',
    kind: 'mutation',
    cases: addressCases(
      DELETE,
      (id) => ({ id }),
      (row) => (row ? 'address still there' : null),
    ),
  },
  {
    operation: 'setDefaultAddress',
    kind: 'mutation',
    cases: addressCases(
      DEFAULT,
      (id) => ({ id }),
      (row) => (row?.is_default ? null : 'not the default'),
    ),
  },
];
