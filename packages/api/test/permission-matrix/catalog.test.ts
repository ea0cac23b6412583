import { GROUPS } from './entries/index.js';
import { runMatrix } from './runner.js';

/** The management center's catalogue: products, variants, images, publishing, the product list. */
runMatrix(GROUPS.catalog!);
