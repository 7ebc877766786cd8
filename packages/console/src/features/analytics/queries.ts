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
