import { graphql } from '@/gql';

export const StorageFitQuery = graphql(`
  query StorageFit($binId: ID!, $skuIds: [ID!]!) {
    storageFit(binId: $binId, skuIds: $skuIds) {
      skuId
      mismatches
      refused
    }
  }
`);
