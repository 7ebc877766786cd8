import { graphql } from '@/gql';

export const StocktakesQuery = graphql(`
  query Stocktakes($filter: StocktakeFilter, $page: PageInput) {
    stocktakes(filter: $filter, page: $page) {
      total
      offset
      limit
      items {
        id
        number
        kind
        status
        warehouseId
        warehouseName
        zoneName
        abcClass
        freezePostings
        businessDate
        createdAt
        createdByName
        adjustmentNumber
        availableActions
        progress {
          lines
          pending
          recount
          settled
        }
      }
    }
  }
`);

export const StocktakeQuery = graphql(`
  query Stocktake($id: ID!) {
    stocktake(id: $id) {
      id
      number
      kind
      status
      version
      warehouseId
      warehouseName
      zoneName
      abcClass
      freezePostings
      toleranceQty
      tolerancePct
      businessDate
      memo
      createdAt
      createdByName
      approvedAt
      approvedByName
      adjustmentId
      adjustmentNumber
      availableActions
      progress {
        lines
        pending
        recount
        settled
      }
      accuracy {
        linesCounted
        linesRight
        accuracyPct
        gainValue
        lossValue
        netValue
        estimated
      }
    }
  }
`);

export const StocktakeLinesQuery = graphql(`
  query StocktakeLines($id: ID!, $filter: StocktakeLineFilter, $offset: Int!) {
    # a literal page size: the query's cost is counted at 50 lines, not the 200 a variable could ask for
    stocktakeLines(stocktakeId: $id, filter: $filter, page: { offset: $offset, limit: 50 }) {
      total
      offset
      limit
      items {
        id
        lineNo
        binId
        binCode
        skuId
        skuCode
        skuName
        unit
        batchNo
        found
        status
        recountCause
        countsDone
        myCount
        mayCount
        bookQty
        finalQty
        movedQty
        differenceQty
        value
        reason
        note
        counts {
          round
          counterName
          qty
        }
      }
    }
  }
`);

/** What a counter sees of a bin's lines: what and where, never quantities but their own. */
export const StocktakeCountLinesQuery = graphql(`
  query StocktakeCountLines($id: ID!, $filter: StocktakeLineFilter, $page: PageInput) {
    stocktakeLines(stocktakeId: $id, filter: $filter, page: $page) {
      total
      items {
        id
        skuId
        skuCode
        skuName
        unit
        batchNo
        status
        countsDone
        myCount
        mayCount
      }
    }
  }
`);

export const StocktakeBinsQuery = graphql(`
  query StocktakeBins($id: ID!) {
    stocktakeBins(stocktakeId: $id) {
      binId
      code
      lines
      toCount
      recount
      settled
    }
  }
`);

export const StocktakeScanQuery = graphql(`
  query StocktakeScan($id: ID!, $code: String!) {
    stocktakeScan(stocktakeId: $id, code: $code) {
      kind
      binId
      binCode
      skuId
      skuCode
      skuName
      unit
      batchTracked
      inCount
    }
  }
`);

export const CreateStocktakeMutation = graphql(`
  mutation CreateStocktake($input: CreateStocktakeInput!) {
    createStocktake(input: $input) {
      id
      number
    }
  }
`);

export const RecordCountMutation = graphql(`
  mutation RecordStocktakeCount($input: RecordCountInput!) {
    recordStocktakeCount(input: $input) {
      id
      status
      recountCause
      countsDone
      myCount
      mayCount
    }
  }
`);

export const FinishCountingMutation = graphql(`
  mutation FinishStocktakeCounting($id: ID!, $version: Int!) {
    finishStocktakeCounting(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

export const SetReasonsMutation = graphql(`
  mutation SetStocktakeReasons($id: ID!, $reasons: [LineReasonInput!]!) {
    setStocktakeReasons(stocktakeId: $id, reasons: $reasons) {
      id
      reason
      note
    }
  }
`);

export const ApproveStocktakeMutation = graphql(`
  mutation ApproveStocktake($id: ID!, $version: Int!) {
    approveStocktake(id: $id, version: $version) {
      id
      status
      version
      adjustmentNumber
    }
  }
`);

export const CancelStocktakeMutation = graphql(`
  mutation CancelStocktake($id: ID!, $version: Int!) {
    cancelStocktake(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

export const StocktakeAccuracyQuery = graphql(`
  query StocktakeAccuracy($groupBy: AccuracyGroup!, $filter: AccuracyFilter) {
    stocktakeAccuracy(groupBy: $groupBy, filter: $filter) {
      key
      label
      counts
      linesCounted
      linesRight
      accuracyPct
      gainValue
      lossValue
      netValue
    }
  }
`);

export const AbcClassesQuery = graphql(`
  query AbcClasses($warehouseId: ID!, $abcClass: AbcClass, $page: PageInput) {
    abcClasses(warehouseId: $warehouseId, abcClass: $abcClass, page: $page) {
      total
      offset
      limit
      items {
        id
        skuId
        skuCode
        skuName
        abcClass
        computedClass
        manualClass
        rank
        issuedValue
        share
        cumulative
        lastCountedOn
        nextCountDue
      }
    }
  }
`);

export const CycleCountPlanQuery = graphql(`
  query CycleCountPlan($warehouseId: ID!) {
    cycleCountPlan(warehouseId: $warehouseId) {
      skuId
      skuCode
      skuName
      abcClass
      lastCountedOn
      dueOn
      overdueDays
    }
    stocktakeSettings {
      abcCutoffA
      abcCutoffB
      abcPeriodMonths
      reviewDaysA
      reviewDaysB
      reviewDaysC
    }
  }
`);

export const RecomputeAbcMutation = graphql(`
  mutation RecomputeAbcClasses($warehouseId: ID!) {
    recomputeAbcClasses(warehouseId: $warehouseId) {
      skus
      a
      b
      c
      periodFrom
      periodTo
    }
  }
`);

export const SetAbcClassMutation = graphql(`
  mutation SetAbcClass($warehouseId: ID!, $skuId: ID!, $abcClass: AbcClass) {
    setAbcClass(warehouseId: $warehouseId, skuId: $skuId, abcClass: $abcClass) {
      id
      abcClass
      manualClass
    }
  }
`);

export const CountZonesQuery = graphql(`
  query CountZones($warehouseId: ID!) {
    zones(warehouseId: $warehouseId) {
      id
      code
      name
    }
  }
`);
