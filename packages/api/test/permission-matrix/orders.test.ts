import { GROUPS } from './entries/index.js';
import { runMatrix } from './runner.js';

/** Orders, shipping, consultation reports, refunds, payments and the staff order queries. */
runMatrix(GROUPS.orders!);
