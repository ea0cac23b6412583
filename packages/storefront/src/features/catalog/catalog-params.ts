import { assertNever } from '@marketplace/core';
import type { KindParam } from '../../app/paths.js';
import type { ProductKind } from '../../gql/graphql.js';

/** Reads `?kind=`; anything unexpected means "no filter" rather than an error page. */
export function parseKindParam(value: string | null): KindParam | null {
  return value === 'goods' || value === 'services' ? value : null;
}

export function toProductKind(kind: KindParam): ProductKind {
  switch (kind) {
    case 'goods':
      return 'GOODS';
    case 'services':
      return 'SERVICE';
    default:
      return assertNever(kind, 'kind filter');
  }
}
