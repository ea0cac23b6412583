import { GROUPS } from './entries/index.js';
import { runMatrix } from './runner.js';

/** Accounts, addresses, cart, checkout, the contact form and the development mailbox. */
runMatrix(GROUPS.shop!);
