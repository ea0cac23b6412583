import type { MatrixEntry } from '../types.js';

/** Entries S5 wrote at the end for new operations whose slice left none (see ../README.md). */
export const lateEntries: MatrixEntry[] = [];
