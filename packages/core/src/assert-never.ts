/**
 * Closes an exhaustive `switch`: adding a member to the union turns every switch that forgot it
 * into a compile error, and a value that slipped past the types (bad data) into a loud failure.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
