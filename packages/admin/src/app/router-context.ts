import type { ApolloClient } from '@apollo/client';
import { createContext } from 'react-router';

/** The Apollo client, for route loaders (`context.get(apolloClientContext)`). */
export const apolloClientContext = createContext<ApolloClient>();
