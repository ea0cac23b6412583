import { GROUPS } from './entries/index.js';
import { runMatrix } from './runner.js';

/** The entries of slices S1 … S4 (and late additions by S5). */
runMatrix(GROUPS.slices!);
