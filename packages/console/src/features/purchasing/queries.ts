import { graphql } from '@/gql';

export const SuppliersQuery = graphql(`
  query Suppliers($filter: SupplierFilter, $page: PageInput) {
    suppliers(filter: $filter, page: $page) {
      total
      offset
      limit
      items {
        id
        code
        name
        status
        blockedReason
        reducedShare
        contactPerson
        phone
        leadTimeDays
        paymentTermsDays
        createdAt
      }
    }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) {
      id
      code
      name
      status
    }
  }
`);

export const PurchaseOrdersQuery = graphql(`
  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {
    purchaseOrders(filter: $filter, page: $page) {
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
        expectedDate
        warehouseId
        total
        memo
        createdAt
        supplier {
          id
          code
          name
        }
      }
    }
  }
`);

export const PurchaseOrderQuery = graphql(`
  query PurchaseOrder($id: ID!) {
    purchaseOrder(id: $id) {
      id
      number
      status
      availableActions
      orderDate
      expectedDate
      warehouseId
      supplierId
      createdBy
      total
      memo
      version
      supplier {
        id
        code
        name
        status
        blockedReason
      }
      pendingApproval {
        level
        minAmount
        roleCodes
      }
      lines {
        id
        lineNo
        skuId
        qty
        price
        agreedPrice
        priceDeviates
        amount
        receivedQty
        rejectedQty
      }
      approvals {
        id
        level
        round
        decision
        comment
        userName
        roleCode
        at
        day
      }
      receipts {
        id
        number
        businessDate
        postedAt
        lines {
          id
          orderLineId
          skuId
          acceptedQty
          rejectedQty
          rejectReason
          batchNo
          unitCost
          value
          returnedQty
          invoicedQty
        }
      }
    }
  }
`);

export const CreatePurchaseOrderMutation = graphql(`
  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {
    createPurchaseOrder(input: $input) {
      id
    }
  }
`);

export const SubmitPurchaseOrderMutation = graphql(`
  mutation SubmitPurchaseOrder($id: ID!) {
    submitPurchaseOrder(id: $id) {
      id
      status
      number
    }
  }
`);

export const ApprovePurchaseOrderMutation = graphql(`
  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {
    approvePurchaseOrder(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

export const RejectPurchaseOrderMutation = graphql(`
  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {
    rejectPurchaseOrder(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

export const CancelPurchaseOrderMutation = graphql(`
  mutation CancelPurchaseOrder($id: ID!) {
    cancelPurchaseOrder(id: $id) {
      id
      status
    }
  }
`);

export const ReceivePurchaseOrderMutation = graphql(`
  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {
    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) {
      id
      number
    }
  }
`);

export const PayablesQuery = graphql(`
  query Payables($supplierId: ID) {
    payables(supplierId: $supplierId) {
      supplierId
      supplierCode
      supplierName
      invoiced
      paid
      open
      overdue
      age0to30
      age31to60
      age61to90
      ageOver90
    }
  }
`);

export const SupplierProfileQuery = graphql(`
  query SupplierProfile($id: ID!) {
    supplier(id: $id) {
      id
      code
      name
      status
      contactPerson
      phone
      email
      address
      paymentTermsDays
      leadTimeDays
      memo
      version
      blockedReason
      reducedShare
      lastDeliveriesDaysLate
      qualifications {
        id
        kind
        number
        expiresOn
        required
      }
    }
    supplierPrices(supplierId: $id) {
      id
      skuId
      skuCode
      skuName
      price
      validFrom
      validTo
      minOrderQty
      packSize
    }
    expiringQualifications(supplierId: $id, withinDays: 30) {
      daysLeft
      expired
      qualification {
        id
      }
    }
  }
`);

export const SupplierPriceHistoryQuery = graphql(`
  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {
    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) {
      id
      price
      validFrom
      validTo
      minOrderQty
      packSize
      createdAt
    }
  }
`);

export const UpdateSupplierMutation = graphql(`
  mutation UpdateSupplier($input: UpdateSupplierInput!) {
    updateSupplier(input: $input) {
      id
      status
      version
    }
  }
`);

export const AddQualificationMutation = graphql(`
  mutation AddQualification($input: AddQualificationInput!) {
    addSupplierQualification(input: $input) {
      id
    }
  }
`);

export const AddSupplierPriceMutation = graphql(`
  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {
    addSupplierPrice(input: $input) {
      id
    }
  }
`);

export const ScorecardsQuery = graphql(`
  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {
    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {
      supplierId
      period
      deliveries
      onTime
      onTimeRate
      averageDaysLate
      received
      rejected
      rejectRate
      paidAmount
      agreedAmount
      priceDeviationPct
    }
  }
`);

export const DeliveriesQuery = graphql(`
  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {
    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {
      receiptId
      receiptNumber
      orderId
      orderNumber
      receivedOn
      expectedOn
      daysLate
      accepted
      rejected
      paidAmount
      agreedAmount
    }
  }
`);

export const ReplenishmentQuery = graphql(`
  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter, $offset: Int!) {
    # the page size is written here, not passed: the request's cost is counted from it (50 rows of ~40 fields)
    replenishmentPage(warehouseId: $warehouseId, filter: $filter, page: { offset: $offset, limit: 50 }) {
      total
      offset
      limit
      items {
        skuId
        skuCode
        skuName
        status
        message
        historyDays
        historyFrom
        historyTo
        historyTotal
        averageDailyDemand
        dailyRate
        forecastMethod
        forecastMethodFixed
        forecastParams
        forecastParamsFixed
        forecastWindow
        forecastBacktestDays
        forecastMae
        safetyMethod
        safetyStock
        serviceLevelPercent
        serviceLevelZ
        onHand
        notForSale
        onOrder
        reserved
        leadTimeDays
        reviewPeriodDays
        packSize
        minimumOrder
        supplierId
        supplierName
        supplierReducedShare
        suggested
        steps {
          label
          formula
          value
        }
      }
    }
  }
`);

export const DemandForecastQuery = graphql(`
  query DemandForecast($warehouseId: ID!, $skuId: ID!) {
    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {
      history {
        date
        qty
      }
      weekly {
        date
        qty
      }
      forecast {
        date
        qty
      }
    }
  }
`);

export const CreateOrdersFromSuggestionsMutation = graphql(`
  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {
    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) {
      id
      supplier {
        name
      }
      lines {
        id
      }
    }
  }
`);

export const ReturnToSupplierMutation = graphql(`
  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {
    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) {
      id
      number
      credit
    }
  }
`);

export const CreateSupplierInvoiceMutation = graphql(`
  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {
    createSupplierInvoice(input: $input) {
      id
      total
      dueDate
    }
  }
`);

export const RecordSupplierPaymentMutation = graphql(`
  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {
    recordSupplierPayment(input: $input) {
      id
      amount
    }
  }
`);

export const ApprovalStepsQuery = graphql(`
  query ApprovalSteps {
    purchaseApprovalSteps {
      id
      level
      minAmount
      roleCodes
      version
    }
  }
`);

export const SaveApprovalStepMutation = graphql(`
  mutation SaveApprovalStep($input: ApprovalStepInput!) {
    savePurchaseApprovalStep(input: $input) {
      id
      level
      minAmount
      roleCodes
      version
    }
  }
`);

export const RoleOptionsForRulesQuery = graphql(`
  query RoleOptionsForRules {
    roleOptions {
      code
      name
      nameZh
    }
  }
`);

export const AgreedPricesQuery = graphql(`
  query AgreedPrices($supplierId: ID!, $at: String) {
    supplierPrices(supplierId: $supplierId, at: $at) {
      skuId
      price
      minOrderQty
      packSize
    }
  }
`);

export const ReplenishmentSettingsQuery = graphql(`
  query ReplenishmentSettings {
    replenishmentSettings {
      id
      skuId
      categoryId
      forecastMethod
      movingAverageWindow
      alpha
      beta
      gamma
      safetyMethod
      instabilityFactor
      serviceLevel
      reviewPeriodDays
      promotionDays
      promotionFactor
    }
  }
`);

export const FixedSafetyStocksQuery = graphql(`
  query FixedSafetyStocks($warehouseId: ID!) {
    fixedSafetyStocks(warehouseId: $warehouseId) {
      id
      skuId
      qty
    }
  }
`);

export const SetFixedSafetyStockMutation = graphql(`
  mutation SetFixedSafetyStock($input: SetFixedSafetyStockInput!) {
    setFixedSafetyStock(input: $input) {
      id
      qty
    }
  }
`);

export const SaveReplenishmentSettingMutation = graphql(`
  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {
    saveReplenishmentSetting(input: $input) {
      id
    }
  }
`);

export const ClosePurchaseOrderMutation = graphql(`
  mutation ClosePurchaseOrder($id: ID!) {
    closePurchaseOrder(id: $id) {
      id
      status
    }
  }
`);

export const LandedCostsQuery = graphql(`
  query LandedCosts($receiptId: ID!) {
    landedCosts(receiptId: $receiptId) {
      id
      number
      status
      total
      memo
      businessDate
      lines {
        lineNo
        kind
        basis
        amount
        memo
      }
      allocations {
        receiptLineId
        lineNo
        skuId
        qty
        value
        amount
        unitCostBefore
        unitCostAfter
      }
    }
  }
`);

export const LandedCostPreviewQuery = graphql(`
  query LandedCostPreview($input: LandedCostInput!) {
    landedCostPreview(input: $input) {
      receiptLineId
      lineNo
      skuId
      qty
      value
      amount
      unitCostBefore
      unitCostAfter
    }
  }
`);

export const CreateLandedCostMutation = graphql(`
  mutation CreateLandedCost($input: LandedCostInput!, $post: Boolean) {
    createLandedCost(input: $input, post: $post) {
      id
      number
      status
    }
  }
`);

export const PostLandedCostMutation = graphql(`
  mutation PostLandedCost($id: ID!) {
    postLandedCost(id: $id) {
      id
      status
    }
  }
`);

export const CancelLandedCostMutation = graphql(`
  mutation CancelLandedCost($id: ID!) {
    cancelLandedCost(id: $id) {
      id
      status
    }
  }
`);
