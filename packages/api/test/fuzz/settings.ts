/** Calls per mutation (each as a random viewer among the four). Fixed so the suite's runtime stays bounded. */
export const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 12);
