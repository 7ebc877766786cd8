import { graphql } from '@/gql';

export const InventoryWarehousesQuery = graphql(`
  query InventoryWarehouses {
    warehouses(page: { limit: 200 }) {
      items {
        id
        code
        name
        active
        tplOperated
      }
    }
  }
`);

export const InventoryCategoriesQuery = graphql(`
  query InventoryCategories {
    categories {
      id
      name
      parentId
    }
  }
`);

export const StockLevelsQuery = graphql(`
  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {
    stockLevels(filter: $filter, sort: $sort, page: $page) {
      total
      offset
      limit
      items {
        warehouseId
        warehouseCode
        skuId
        skuCode
        skuName
        baseUnit
        onHand
        reserved
        expired
        quarantined
        available
        unitCost
        value
      }
    }
  }
`);

export const BinBalancesQuery = graphql(`
  query BinBalances($skuId: ID!, $warehouseId: ID!) {
    binBalances(skuId: $skuId, warehouseId: $warehouseId) {
      batchId
      batchNo
      binCode
      binId
      quarantine
      expiryDate
      expired
      qty
      reserved
      warehouseId
    }
  }
`);

export const StockCardQuery = graphql(`
  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {
    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {
      skuId
      warehouseId
      openingQty
      openingValue
      closingQty
      closingValue
      rows {
        businessDate
        documentId
        documentNumber
        documentType
        kind
        qty
        unitCost
        value
        balanceQty
        balanceValue
      }
    }
  }
`);

export const StockCardSkuQuery = graphql(`
  query StockCardSku($skuId: ID!) {
    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) {
      items {
        skuId
        skuCode
        skuName
        baseUnit
      }
    }
  }
`);

export const ValuationQuery = graphql(`
  query Valuation($date: String!) {
    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) {
      key
      label
      qty
      value
    }
    byCategory: valuation(date: $date, groupBy: CATEGORY) {
      key
      label
      qty
      value
    }
    topSkus: valuation(date: $date, groupBy: SKU, top: 20) {
      key
      label
      qty
      value
    }
  }
`);

export const CostOfGoodsIssuedQuery = graphql(`
  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {
    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) {
      key
      label
      qty
      value
    }
  }
`);

export const StockDocumentsQuery = graphql(`
  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {
    stockDocuments(filter: $filter, page: $page) {
      total
      totalCapped
      cursor
      offset
      limit
      items {
        id
        number
        type
        status
        warehouseId
        toWarehouseId
        businessDate
        memo
        createdAt
        postedAt
        receivedAt
        cancelledAt
        version
      }
    }
  }
`);

export const StockDocumentQuery = graphql(`
  query StockDocument($id: ID!) {
    stockDocument(id: $id) {
      id
      number
      type
      status
      warehouseId
      toWarehouseId
      businessDate
      memo
      createdAt
      postedAt
      receivedAt
      cancelledAt
      version
      lines {
        id
        lineNo
        skuId
        qty
        unit
        unitFactor
        baseQty
        unitCost
        value
        binId
        toBinId
        batchNo
        expiryDate
        expiryReason
        costChanges {
          causeType
          causeNumber
          action
          causeDate
          delta
        }
      }
    }
  }
`);

export const DocumentSkusQuery = graphql(`
  query DocumentSkus($filter: SkuFilter, $page: PageInput) {
    skus(filter: $filter, page: $page) {
      items {
        id
        code
        name
        baseUnit
        unitScale
        barcodes
        units {
          name
          factor
        }
        product {
          batchTracked
        }
      }
    }
  }
`);

export const SkuByBarcodeQuery = graphql(`
  query SkuByBarcode($barcode: String!) {
    skuByBarcode(barcode: $barcode) {
      id
      code
      name
      baseUnit
      unitScale
      barcodes
      units {
        name
        factor
      }
      product {
        batchTracked
      }
    }
  }
`);

export const DocumentBinsQuery = graphql(`
  query DocumentBins($warehouseId: ID!) {
    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) {
      items {
        id
        code
        quarantine
      }
    }
  }
`);

/** Receiving a batch expired or expiring within this many days needs a reason (any signed-in user may read it). */
export const ExpiryWarningDaysQuery = graphql(`
  query ExpiryWarningDays {
    expiryWarningDays
  }
`);

export const PrintCompanyQuery = graphql(`
  query PrintCompany {
    companyName
  }
`);

export const CreateStockDocumentMutation = graphql(`
  mutation CreateStockDocument($input: CreateStockDocumentInput!) {
    createStockDocument(input: $input) {
      id
      version
      status
    }
  }
`);

export const UpdateStockDocumentMutation = graphql(`
  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {
    updateStockDocument(input: $input) {
      id
      version
      status
    }
  }
`);

export const DeleteStockDocumentMutation = graphql(`
  mutation DeleteStockDocument($id: ID!) {
    deleteStockDocument(id: $id)
  }
`);

export const PostStockDocumentMutation = graphql(`
  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {
    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) {
      id
      number
      status
      version
    }
  }
`);

export const ReceiveTransferMutation = graphql(`
  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {
    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) {
      id
      number
      status
      version
    }
  }
`);

export const CancelStockDocumentMutation = graphql(`
  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {
    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) {
      id
      number
      status
      version
    }
  }
`);

export const ValuationSkusQuery = graphql(`
  query ValuationSkus($date: String!, $warehouseId: ID) {
    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) {
      key
      label
      qty
      value
    }
  }
`);

export const TransferDestinationsQuery = graphql(`
  query TransferDestinations {
    transferDestinations {
      id
      code
      name
      tplOperated
    }
  }
`);

/** The warehouses 3PLs run (for those who manage them): a transfer out of one goes to its 3PL as a request. */
export const TransferTplConnectionsQuery = graphql(`
  query TransferTplConnections {
    tplConnections {
      id
      name
      warehouseId
      active
    }
  }
`);

export const RequestTplTransferMutation = graphql(`
  mutation RequestTplTransfer($input: TplTransferInput!) {
    requestTplTransfer(input: $input) {
      id
      ref
      status
    }
  }
`);
