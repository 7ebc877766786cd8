import { graphql } from '@/gql';

export const SalesOrdersQuery = graphql(`
  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {
    salesOrders(filter: $filter, page: $page, sort: $sort) {
      total
      totalCapped
      cursor
      offset
      limit
      items {
        id
        number
        status
        orderDate
        customerId
        customerCode
        customerName
        channelName
        storeName
        warehouseId
        ownerName
        total
        cogs
        margin
        createdAt
      }
    }
  }
`);

export const SalesOrderQuery = graphql(`
  query SalesOrder($id: ID!) {
    salesOrder(id: $id) {
      availableActions
      id
      number
      status
      orderDate
      customerId
      customerCode
      customerName
      channelId
      channelName
      storeName
      warehouseId
      warehouseName
      ownerName
      shipTo
      memo
      total
      cogs
      margin
      giftCost
      discountTotal
      couponCodes
      promotions {
        promotionId
        code
        name
        kind
        discount
        giftQty
        giftValue
      }
      costChanges {
        causeType
        causeNumber
        action
        causeDate
        delta
      }
      version
      exchangeOfReturnId
      approvalReason
      approvalNote
      approvalRequestedByName
      approvalRequestedAt
      rejectionNote
      priceDecidedByName
      lines {
        id
        lineNo
        skuId
        skuCode
        skuName
        qty
        quotedPrice
        unitPrice
        priceRule
        priceSteps
        priceChanged
        gift
        discount
        basePrice
        allocations {
          code
          source
          amount
        }
        belowCost
        unitCost
        expectedMargin
        amount
        reservedQty
        shippedQty
        returnedQty
        invoicedQty
        cogs
        margin
        costChanges {
          causeType
          causeNumber
          action
          causeDate
          delta
        }
      }
      shipments {
        id
        number
        businessDate
        trackingNo
        lines {
          id
          orderLineId
          skuId
          skuCode
          skuName
          qty
          amount
          cogs
          costChanges {
            causeType
            causeNumber
            action
            causeDate
            delta
          }
          returnedQty
          picks {
            binCode
            batchNo
            expiryDate
            qty
          }
        }
      }
      returns {
        id
        number
        businessDate
        reason
        resolution
        note
        credit
        thresholdTakenBack
        takenBackFrom
        replacementOrderId
        lines {
          id
          skuCode
          skuName
          qty
          disposition
          amount
          restockedCost
        }
      }
      invoices {
        id
        number
        invoiceDate
        dueDate
        total
        settled
      }
    }
  }
`);

export const CreateSalesOrderMutation = graphql(`
  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {
    createSalesOrder(input: $input) {
      id
      number
    }
  }
`);

export const ConfirmSalesOrderMutation = graphql(`
  mutation ConfirmSalesOrder($id: ID!, $note: String) {
    confirmSalesOrder(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const ApproveSalesOrderPricesMutation = graphql(`
  mutation ApproveSalesOrderPrices($id: ID!) {
    approveSalesOrderPrices(id: $id) {
      id
      status
    }
  }
`);

export const RejectSalesOrderPricesMutation = graphql(`
  mutation RejectSalesOrderPrices($id: ID!, $note: String!) {
    rejectSalesOrderPrices(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const CancelSalesOrderMutation = graphql(`
  mutation CancelSalesOrder($id: ID!) {
    cancelSalesOrder(id: $id) {
      id
      status
    }
  }
`);

export const CloseSalesOrderMutation = graphql(`
  mutation CloseSalesOrder($id: ID!) {
    closeSalesOrder(id: $id) {
      id
      status
    }
  }
`);

export const ShipSalesOrderMutation = graphql(`
  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {
    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) {
      id
      number
    }
  }
`);

export const ReturnSalesGoodsMutation = graphql(`
  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {
    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) {
      id
      number
      credit
      replacementOrderId
    }
  }
`);

export const CreateSalesInvoiceMutation = graphql(`
  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {
    createSalesInvoice(input: $input) {
      id
      number
      total
    }
  }
`);

export const OrderCustomersQuery = graphql(`
  query OrderCustomers($search: String) {
    customers(filter: { search: $search }, page: { limit: 30 }) {
      items {
        id
        code
        name
        channelId
        address
        creditLimit
        tier {
          name
        }
        addresses {
          id
          label
          receiver
          phone
          address
          isDefault
        }
      }
    }
  }
`);

export const OrderChannelsQuery = graphql(`
  query OrderChannels {
    salesChannels {
      id
      code
      name
      active
    }
    salesStores {
      id
      channelId
      code
      name
      active
    }
  }
`);

export const LineAvailabilityQuery = graphql(`
  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {
    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) {
      skuId
      onHand
      reserved
      expired
      quarantined
      available
    }
  }
`);

export const LinePriceQuery = graphql(`
  query LinePrice($input: PriceQuoteInput!) {
    priceQuote(input: $input) {
      unitPrice
      rule
      steps
      belowCost
    }
  }
`);

export const SalesOrderPickListQuery = graphql(`
  query SalesOrderPickList($id: ID!) {
    salesOrder(id: $id) {
      id
      number
      status
      customerName
      warehouseId
    }
    salesOrderPickList(orderId: $id) {
      warehouseId
      rows {
        lineIndex
        skuId
        skuCode
        skuName
        unit
        binId
        binCode
        zoneCode
        aisle
        batchNo
        expiryDate
        qty
      }
      shorts {
        lineIndex
        skuId
        short
      }
    }
  }
`);

export const PickScanBarcodeQuery = graphql(`
  query PickScanBarcode($barcode: String!) {
    skuByBarcode(barcode: $barcode) {
      id
    }
  }
`);

export const PreviewSalesOrderQuery = graphql(`
  query PreviewSalesOrder($input: CreateSalesOrderInput!) {
    previewSalesOrder(input: $input) {
      total
      discountTotal
      couponCodes
      promotions {
        code
        name
        kind
        discount
        giftQty
      }
      lines {
        skuId
        skuCode
        skuName
        qty
        unitPrice
        amount
        gift
        priceSteps
      }
    }
  }
`);
