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

export const PutAwaySuggestionsQuery = graphql(`
  query PutAwaySuggestions($warehouseId: ID!, $lines: [PutAwayLineInput!]!) {
    putAwaySuggestions(warehouseId: $warehouseId, lines: $lines) {
      index
      binId
      binCode
      reason
    }
  }
`);
