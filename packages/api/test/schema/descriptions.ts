import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  isScalarType,
} from 'graphql';

/** Every schema coordinate that lacks a description, and every deprecation without a reason. */
export function describeGaps(schema: GraphQLSchema): string[] {
  const gaps: string[] = [];
  const blank = (s: string | null | undefined) => !s?.trim();
  const deprecation = (coord: string, reason: string | null | undefined, deprecated: boolean) => {
    if (deprecated && (blank(reason) || reason === 'No longer supported'))
      gaps.push(`${coord} (deprecated without a reason)`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) gaps.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coord = `${type.name}.${field.name}`;
        if (blank(field.description)) gaps.push(coord);
        deprecation(coord, field.deprecationReason, field.deprecationReason != null);
        for (const arg of field.args) {
          if (blank(arg.description)) gaps.push(`${coord}(${arg.name}:)`);
          deprecation(`${coord}(${arg.name}:)`, arg.deprecationReason, arg.deprecationReason != null);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coord = `${type.name}.${field.name}`;
        if (blank(field.description)) gaps.push(coord);
        deprecation(coord, field.deprecationReason, field.deprecationReason != null);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        const coord = `${type.name}.${value.name}`;
        if (blank(value.description)) gaps.push(coord);
        deprecation(coord, value.deprecationReason, value.deprecationReason != null);
      }
    } else if (isUnionType(type) || isScalarType(type)) {
      // the type's own description is enough
    }
  }
  return gaps;
}
