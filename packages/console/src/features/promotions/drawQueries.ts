import { graphql } from '@/gql';

/** 抽奖 and 生日礼: lucky draws (prizes, entries, results, the audit's hash, seed and verification) and birthday offers. */

export const LuckyDrawFields = graphql(`
  fragment LuckyDrawFields on LuckyDraw {
    id
    code
    name
    state
    startsAt
    endsAt
    budget
    prizeCost
    seedHash
    seed
    entryCount
    drawnCount
    openedAt
    drawnAt
    revealedAt
    version
    eligibility {
      channelIds
      tierIds
      minAmount
    }
    prizes {
      id
      position
      name
      kind
      skuId
      skuCode
      couponBatchId
      couponBatchCode
      odds
      quantity
      remaining
      unitCost
    }
  }
`);

export const LuckyDrawsQuery = graphql(`
  query LuckyDraws {
    luckyDraws(page: { limit: 100 }) {
      total
      items {
        ...LuckyDrawFields
      }
    }
  }
`);

export const LuckyDrawQuery = graphql(`
  query LuckyDraw($id: ID!) {
    luckyDraw(id: $id) {
      ...LuckyDrawFields
    }
  }
`);

export const LuckyDrawEntriesQuery = graphql(`
  query LuckyDrawEntries($drawId: ID!, $winnersOnly: Boolean!, $offset: Int!) {
    luckyDrawEntries(drawId: $drawId, winnersOnly: $winnersOnly, page: { offset: $offset, limit: 100 }) {
      total
      items {
        id
        orderId
        orderNumber
        customerId
        customerName
        orderTotal
        roll
        pickedPrizeId
        prizeId
        exhausted
        budgetSpent
        prizeCost
        couponCode
        prizeOrderId
      }
    }
  }
`);

export const SaveLuckyDrawMutation = graphql(`
  mutation SaveLuckyDraw($input: SaveLuckyDrawInput!) {
    saveLuckyDraw(input: $input) {
      ...LuckyDrawFields
    }
  }
`);

export const OpenLuckyDrawMutation = graphql(`
  mutation OpenLuckyDraw($id: ID!) {
    openLuckyDraw(id: $id) {
      ...LuckyDrawFields
    }
  }
`);

export const DrawLuckyDrawMutation = graphql(`
  mutation DrawLuckyDraw($id: ID!) {
    drawLuckyDraw(id: $id) {
      ...LuckyDrawFields
    }
  }
`);

export const RevealLuckyDrawMutation = graphql(`
  mutation RevealLuckyDraw($id: ID!) {
    revealLuckyDraw(id: $id) {
      ...LuckyDrawFields
    }
  }
`);

export const VerifyLuckyDrawQuery = graphql(`
  query VerifyLuckyDraw($id: ID!) {
    verifyLuckyDraw(id: $id) {
      ok
      hashMatches
      entries
      matching
      mismatches {
        entryId
        expected
        stored
      }
    }
  }
`);

export const LuckyDrawExportQuery = graphql(`
  query LuckyDrawExport($id: ID!) {
    luckyDrawExport(id: $id)
  }
`);

export const BirthdaySettingsQuery = graphql(`
  query BirthdaySettings {
    birthdayOfferSettings {
      enabled
      couponBatchId
      couponBatchName
      message
      version
    }
    couponBatches(page: { limit: 200 }) {
      items {
        id
        code
        name
        active
      }
    }
  }
`);

export const SaveBirthdaySettingsMutation = graphql(`
  mutation SaveBirthdaySettings($input: BirthdayOfferSettingsInput!) {
    saveBirthdayOfferSettings(input: $input) {
      enabled
      couponBatchId
      couponBatchName
      message
      version
    }
  }
`);

export const BirthdayOffersQuery = graphql(`
  query BirthdayOffers($year: Int) {
    birthdayOffers(year: $year, page: { limit: 200 }) {
      total
      items {
        id
        customerId
        customerCode
        customerName
        year
        code
        channel
        message
        createdAt
      }
    }
  }
`);

export const RunBirthdayOffersMutation = graphql(`
  mutation RunBirthdayOffers {
    runBirthdayOffers {
      issued
      already
      skipped
    }
  }
`);
