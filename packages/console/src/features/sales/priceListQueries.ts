import { graphql } from '@/gql';

/** 价目表: lists, their items (and one SKU's history), the quote, and the two writes. */

export const PriceListsQuery = graphql(`
  query PriceLists {
    priceLists {
      id
      code
      name
      tierId
      channelId
      active
      version
      tier {
        id
        code
        name
      }
      channel {
        id
        code
        name
      }
    }
  }
`);

export const PriceListItemsQuery = graphql(`
  query PriceListItems($priceListId: ID!, $skuId: ID) {
    priceListItems(priceListId: $priceListId, skuId: $skuId) {
      id
      priceListId
      skuId
      rule
      value
      validFrom
      validTo
      createdBy
      createdAt
    }
  }
`);

export const PriceQuoteQuery = graphql(`
  query PriceQuote($input: PriceQuoteInput!) {
    priceQuote(input: $input) {
      unitPrice
      priceListId
      rule
      steps
      belowCost
    }
  }
`);

/** SKU labels and reference sale prices for the items (the items carry only the SKU id), and the SKU picker. */
export const PriceSkusQuery = graphql(`
  query PriceSkus($filter: SkuFilter, $page: PageInput) {
    skus(filter: $filter, page: $page) {
      total
      items {
        id
        code
        name
        refSalePrice
      }
    }
  }
`);

export const PriceCustomersQuery = graphql(`
  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {
    customers(filter: $filter, page: $page) {
      items {
        id
        code
        name
        tier {
          id
          code
          name
        }
        channel {
          id
          code
          name
        }
      }
    }
  }
`);

export const SavePriceListMutation = graphql(`
  mutation SavePriceList($input: PriceListInput!) {
    savePriceList(input: $input) {
      id
      code
      version
    }
  }
`);

export const SetPriceListItemMutation = graphql(`
  mutation SetPriceListItem($input: PriceListItemInput!) {
    setPriceListItem(input: $input) {
      id
      skuId
      validFrom
      validTo
    }
  }
`);
