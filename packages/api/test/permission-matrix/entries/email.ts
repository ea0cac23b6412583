import { type MatrixEntry, PLATFORM_STAFF } from '../types.js';

/** The development mailbox (every email the platform wrote): platform staff only. */

export const emailEntries: MatrixEntry[] = [
  {
    operation: 'developmentMailbox',
    kind: 'query',
    cases: [
      {
        target: 'none',
        name: 'all emails',
        expect: PLATFORM_STAFF,
        reusable: true,
        prepare: async () => ({ query: '{ developmentMailbox(first: 5) { nodes { to subject } } }' }),
      },
    ],
  },
];
