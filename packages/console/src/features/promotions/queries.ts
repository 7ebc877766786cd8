import { graphql } from '@/gql';

/** 促销: promotions by status, the form's writes and decisions, the simulator, coupon batches, codes and redemptions. */

export const PromotionFields = graphql(`
  fragment PromotionFields on Promotion {
    id
    code
    name
    kind
    status
    priority
    exclusive
    startsAt
    endsAt
    perCustomer
    totalLimit
    budget
    spent
    usedCount
    rejectionNote
    createdBy
    submittedBy
    version
    rule {
      percent
      price
      buyQty
      getQty
      giftSkuId
      maxTimes
      threshold
      off
      perMultiple
      cap
      tiers {
        minQty
        percent
        price
      }
      items {
        skuId
        qty
      }
    }
    eligibility {
      channelIds
      storeIds
      tierIds
      skuIds
      categoryIds
      brandIds
      excludeSkuIds
      excludeCategoryIds
      excludeBrandIds
      weekdays
      minQty
      minAmount
      hours {
        from
        to
      }
    }
  }
`);

export const PromotionsQuery = graphql(`
  query Promotions($filter: PromotionFilter) {
    # the page size is written here: the cost limit counts a page given as a variable at its maximum (200)
    promotions(filter: $filter, page: { limit: 50 }) {
      total
      items {
        ...PromotionFields
      }
    }
  }
`);

export const SavePromotionMutation = graphql(`
  mutation SavePromotion($input: SavePromotionInput!) {
    savePromotion(input: $input) {
      ...PromotionFields
    }
  }
`);

export const SubmitPromotionMutation = graphql(`
  mutation SubmitPromotion($id: ID!) {
    submitPromotion(id: $id) {
      ...PromotionFields
    }
  }
`);

export const ApprovePromotionMutation = graphql(`
  mutation ApprovePromotion($id: ID!) {
    approvePromotion(id: $id) {
      ...PromotionFields
    }
  }
`);

export const RejectPromotionMutation = graphql(`
  mutation RejectPromotion($id: ID!, $note: String!) {
    rejectPromotion(id: $id, note: $note) {
      ...PromotionFields
    }
  }
`);

export const StopPromotionMutation = graphql(`
  mutation StopPromotion($id: ID!) {
    stopPromotion(id: $id) {
      ...PromotionFields
    }
  }
`);

/**
 * The simulator: the whole cart's totals and explanation, and one page of its lines with their steps
 * (the page renders each step from its kind, code and amounts, so no step text is asked for). Paging
 * sends `at` back so each page is the same quote. The bench (server bench/promotions-api.bench.ts)
 * reads this query from this file and times it.
 */
export const QuoteCartQuery = graphql(`
  query QuoteCart($input: QuoteCartInput!, $offset: Int!) {
    quoteCart(input: $input) {
      at
      listTotal
      discountTotal
      total
      # the page size is written here: the cost limit counts a page given as a variable at its maximum (200)
      linePage(page: { offset: $offset, limit: 50 }) {
        total
        offset
        limit
        items {
          skuId
          qty
          gift
          amount
          steps {
            kind
            promotionCode
            couponCode
            discount
            amount
          }
        }
      }
      applied {
        code
        name
        discount
        giftQty
      }
      notApplied {
        code
        name
        reason
        text
      }
      coupons {
        code
        discount
      }
    }
  }
`);

export const PromoWarehousesQuery = graphql(`
  query PromoWarehouses {
    warehouses(page: { limit: 200 }) {
      items {
        id
        code
        name
      }
    }
  }
`);

export const CouponBatchesQuery = graphql(`
  query CouponBatches($page: PageInput) {
    couponBatches(page: $page) {
      total
      items {
        id
        code
        name
        kind
        value
        maxOff
        minSpend
        validFrom
        validTo
        usesPerCode
        perCustomer
        active
        codeCount
      }
    }
  }
`);

export const CouponCodesQuery = graphql(`
  query CouponCodes($batchId: ID!, $page: PageInput) {
    couponCodes(batchId: $batchId, page: $page) {
      total
      items {
        id
        code
        customerId
        customerCode
        customerName
        used
        maxUses
        issuedAt
        state
      }
    }
  }
`);

export const CouponRedemptionsQuery = graphql(`
  query CouponRedemptions($batchId: ID!, $page: PageInput) {
    couponRedemptions(batchId: $batchId, page: $page) {
      total
      items {
        id
        codeId
        orderId
        orderNumber
        customerId
        customerName
        discount
        createdAt
        reversedAt
      }
    }
  }
`);

export const CreateCouponBatchMutation = graphql(`
  mutation CreateCouponBatch($input: CreateCouponBatchInput!) {
    createCouponBatch(input: $input) {
      id
      code
    }
  }
`);

export const IssueCouponsMutation = graphql(`
  mutation IssueCoupons($input: IssueCouponsInput!) {
    issueCoupons(input: $input)
  }
`);

export const PromotionEffectQuery = graphql(`
  query PromotionEffect($from: String!, $to: String!) {
    promotionEffect(from: $from, to: $to) {
      promotionId
      code
      name
      kind
      orders
      revenue
      itemsRevenue
      discount
      giftCost
      margin
      upliftScope
      dailyRevenue
      baselineDailyRevenue
      upliftPercent
    }
  }
`);
