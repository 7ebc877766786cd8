import { graphql } from '@/gql';

export const AnalysisQuery = graphql(`
  query Analysis($input: AnalysisInput!) {
    analysis(input: $input) {
      dimensions
      measures
      rows {
        key1
        label1
        key2
        label2
        quantity
        revenue
        cogs
        margin
        marginPct
        stockValue
        turnover
        daysOfSupply
        warehouseCost
        netMargin
        drillRows
      }
      total {
        quantity
        revenue
        cogs
        margin
        marginPct
        stockValue
        turnover
        daysOfSupply
        warehouseCost
        netMargin
      }
    }
  }
`);

export const AnalysisDrillQuery = graphql(`
  query AnalysisDrill($input: AnalysisInput!, $key1: String, $key2: String) {
    analysisDrill(input: $input, key1: $key1, key2: $key2) {
      documents {
        documentType
        documentId
        documentNumber
        businessDate
        lineId
        warehouse
        sku
        customer
        quantity
        revenue
        cogs
        margin
      }
      ledger {
        id
        businessDate
        documentType
        documentNumber
        kind
        qty
        unitCost
        value
        causeNumber
      }
      warehouseFees {
        feeId
        month
        warehouseId
        warehouse
        skuId
        sku
        spaceDays
        lines
        storage
        handling
        total
        feeStorage
        feeHandling
        memo
      }
    }
  }
`);

export const ExportAnalysisQuery = graphql(`
  query ExportAnalysis($input: AnalysisInput!) {
    exportAnalysis(input: $input) {
      filename
      contentType
      content
      encoding
    }
  }
`);

export const StockRiskQuery = graphql(`
  query StockRisk($days: Int!, $expiryDays: Int!) {
    slowStock(days: $days) {
      warehouseId
      warehouse
      skuId
      sku
      qty
      lastMove
      idleDays
      dead
      value
    }
    nearExpiryStock(days: $expiryDays) {
      warehouseId
      warehouse
      skuId
      sku
      batchNo
      expiryDate
      daysLeft
      qty
      value
    }
  }
`);

export const StaffPerformanceQuery = graphql(`
  query StaffPerformance($from: String!, $to: String!) {
    staffPerformance(from: $from, to: $to) {
      sales {
        userId
        name
        revenue
        margin
        orders
        newCustomers
        collections
        returnsRate
        target
        achievement
        salesLines
        payments
      }
      purchasing {
        userId
        name
        orders
        received
        onTime
        onTimeRate
        cycleDays
        agreedLines
        overAgreed
        vsAgreedPct
        lastPricedLines
        overLast
        vsLastPct
      }
      warehouse {
        userId
        name
        day
        linesReceived
        linesShipped
        linesMoved
        countsMade
        countsRight
      }
    }
  }
`);

export const StaffDocumentsQuery = graphql(`
  query StaffDocuments($userId: ID!, $figure: StaffFigure!, $from: String!, $to: String!) {
    staffDocuments(userId: $userId, figure: $figure, from: $from, to: $to) {
      documentType
      documentId
      documentNumber
      businessDate
      lines
      amount
    }
  }
`);

export const PurchasePriceLinesQuery = graphql(`
  query PurchasePriceLines($userId: ID!, $from: String!, $to: String!) {
    purchasePriceLines(userId: $userId, from: $from, to: $to) {
      orderId
      orderNumber
      orderDate
      supplier
      sku
      qty
      price
      agreedPrice
      overAgreed
      lastPrice
      lastOrderNumber
      overLast
    }
  }
`);

export const SetSalesTargetMutation = graphql(`
  mutation SetSalesTarget($input: SalesTargetInput!) {
    setSalesTarget(input: $input) {
      id
      revenue
      version
    }
  }
`);

export const StatementQuery = graphql(`
  query Statement($party: StatementParty!, $partyId: ID!, $from: String!, $to: String!) {
    statement(party: $party, partyId: $partyId, from: $from, to: $to) {
      partyName
      from
      to
      opening
      invoiced
      paid
      credited
      closing
      lines {
        date
        kind
        number
        debit
        credit
        balance
      }
      confirmations {
        id
        confirmedBy
        closing
        note
        recordedAt
      }
    }
  }
`);

export const ExportStatementQuery = graphql(`
  query ExportStatement($party: StatementParty!, $partyId: ID!, $from: String!, $to: String!) {
    exportStatement(party: $party, partyId: $partyId, from: $from, to: $to) {
      filename
      contentType
      content
      encoding
    }
  }
`);

export const ConfirmStatementMutation = graphql(`
  mutation ConfirmStatement($input: ConfirmStatementInput!) {
    confirmStatement(input: $input) {
      id
    }
  }
`);

export const PartyOptionsQuery = graphql(`
  query PartyOptions($search: String) {
    customers(filter: { search: $search }, page: { offset: 0, limit: 50 }) {
      items {
        id
        code
        name
      }
    }
  }
`);

export const SupplierOptionsQuery = graphql(`
  query SupplierOptions($search: String) {
    suppliers(filter: { search: $search }, page: { offset: 0, limit: 50 }) {
      items {
        id
        code
        name
      }
    }
  }
`);
