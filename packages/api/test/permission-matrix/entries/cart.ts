import { call, gid, otherShopper, variantOf } from '../support.js';
import {
  type Actor,
  ACTORS,
  EVERYONE_ALLOWED,
  type MatrixCase,
  type MatrixContext,
  type MatrixEntry,
  type Outcome,
  userError,
} from '../types.js';

/**
 * The cart belongs to whoever holds it: a signed-in account's own cart, or the guest cart of the token the caller
 * sends (ignored when signed in). Target A is a line of the caller's own cart (every actor has one), target B a line
 * of another shopper's cart: nobody else can touch it.
 */

const ADD = `mutation ($input: AddToCartInput!) { addToCart(input: $input) { cart { id token } userErrors { code } } }`;
const UPDATE = `mutation ($input: UpdateCartLineInput!) { updateCartLine(input: $input) {
  cart { lines { id quantity } } userErrors { code } } }`;
const REMOVE = `mutation ($input: RemoveCartLinesInput!) { removeCartLines(input: $input) { removedLineIds userErrors { code } } }`;
const SELECT = `mutation ($input: SetCartLinesSelectedInput!) { setCartLinesSelected(input: $input) {
  cart { lines { id selected } } userErrors { code } } }`;

interface OwnLine {
  lineId: string;
  cartToken: string | null;
}

/** One line (store A's coffee) in the caller's own cart; for the guest, a new guest cart with its token. */
async function ownLine(ctx: MatrixContext, actor: Actor): Promise<OwnLine> {
  const v = await variantOf(ctx, 'A');
  const data = await call(ctx, ctx.token(actor), ADD, { input: { variantId: v.id, quantity: 1 } });
  const cart = data.addToCart.cart as { id: string; token: string };
  const [line] = await ctx.api.sql<{ id: number }>(
    `select l.id from cart_line l join cart c on c.id = l.cart_id where c.token = $1 and l.variant_id = $2`,
    [cart.token, v.dbId],
  );
  return { lineId: gid('CartLine', line!.id), cartToken: actor === 'guest' ? cart.token : null };
}

/** A line of another shopper's cart. */
async function othersLine(ctx: MatrixContext): Promise<string> {
  const other = await otherShopper(ctx);
  const v = await variantOf(ctx, 'B');
  await call(ctx, other.token, ADD, { input: { variantId: v.id, quantity: 1 } });
  const [line] = await ctx.api.sql<{ id: number }>(
    'select l.id from cart_line l join cart c on c.id = l.cart_id where c.user_id = $1',
    [other.userId],
  );
  return gid('CartLine', line!.id);
}

const NOBODY: Record<Actor, Outcome> = Object.fromEntries(
  ACTORS.map((a) => [a, userError('LINE_NOT_FOUND')]),
) as Record<Actor, Outcome>;

function lineCases(
  query: string,
  input: (lineId: string) => Record<string, unknown>,
  opts: { reusable?: boolean; verify?: (ctx: MatrixContext, line: OwnLine) => Promise<void> } = {},
): MatrixCase[] {
  return [
    {
      target: 'A',
      name: "a line of the caller's own cart (the guest's by its token)",
      expect: EVERYONE_ALLOWED,
      reusable: opts.reusable,
      async prepare(ctx) {
        const lines = new Map<Actor, OwnLine>();
        for (const actor of ACTORS) lines.set(actor, await ownLine(ctx, actor));
        return {
          query,
          variables: (actor) => ({
            input: { ...input(lines.get(actor)!.lineId), cartToken: lines.get(actor)!.cartToken },
          }),
          verify: opts.verify ? (_res, actor) => opts.verify!(ctx, lines.get(actor)!) : undefined,
        };
      },
    },
    {
      target: 'B',
      name: "a line of another shopper's cart (the guest with its own guest cart's token)",
      expect: NOBODY,
      async prepare(ctx) {
        const lineId = await othersLine(ctx);
        const guest = await ownLine(ctx, 'guest');
        return {
          query,
          variables: (actor) => ({
            input: { ...input(lineId), cartToken: actor === 'guest' ? guest.cartToken : null },
          }),
        };
      },
    },
  ];
}

async function lineRow(ctx: MatrixContext, line: OwnLine) {
  const [row] = await ctx.api.sql<{ quantity: number; selected: boolean }>(
    'select quantity, selected from cart_line where id = $1',
    [Number(Buffer.from(line.lineId, 'base64url').toString().split(':')[1])],
  );
  return row;
}

export const cartEntries: MatrixEntry[] = [
  {
    operation: 'addToCart',
    kind: 'mutation',
    cases: (['A', 'B'] as const).map(
      (target): MatrixCase => ({
        target,
        name: `a variant of store ${target} (anyone may keep a cart)`,
        expect: EVERYONE_ALLOWED,
        reusable: true,
        async prepare(ctx) {
          const v = await variantOf(ctx, target);
          return { query: ADD, variables: { input: { variantId: v.id, quantity: 1 } } };
        },
      }),
    ),
  },
  {
    operation: 'updateCartLine',
    kind: 'mutation',
    cases: lineCases(UPDATE, (lineId) => ({ lineId, quantity: 3 }), {
      reusable: true,
      async verify(ctx, line) {
        if ((await lineRow(ctx, line))?.quantity !== 3) throw new Error('quantity not changed');
      },
    }),
  },
  {
    operation: 'removeCartLines',
    kind: 'mutation',
    cases: lineCases(REMOVE, (lineId) => ({ lineIds: [lineId] }), {
      async verify(ctx, line) {
        if (await lineRow(ctx, line)) throw new Error('line still there');
      },
    }),
  },
  {
    operation: 'setCartLinesSelected',
    kind: 'mutation',
    cases: lineCases(SELECT, (lineId) => ({ lineIds: [lineId], selected: false }), {
      reusable: true,
      async verify(ctx, line) {
        if ((await lineRow(ctx, line))?.selected !== false) throw new Error('line still selected');
      },
    }),
  },
];
