import { EVERYONE_ALLOWED, type MatrixEntry } from '../types.js';

/** The help center's contact form: anyone may write to customer service (guests included). */

const SUBMIT = `mutation ($input: SubmitContactRequestInput!) { submitContactRequest(input: $input) {
  contactRequest { reference } userErrors { code } } }`;

export const helpEntries: MatrixEntry[] = [
  {
    operation: 'submitContactRequest',
    kind: 'mutation',
    cases: [
      {
        target: 'none',
        name: 'a question to customer service',
        expect: EVERYONE_ALLOWED,
        reusable: true,
        prepare: async () => ({
          query: SUBMIT,
          variables: {
            input: {
              name: 'Lin Mei',
              email: 'mei@example.com',
              topic: 'OTHER',
              message: 'When will the Alishan beans be back in stock?',
            },
          },
        }),
      },
    ],
  },
];
