/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n": typeof types.AuditStatsDocument,
    "\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n": typeof types.ExportAuditLogDocument,
    "\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n": typeof types.AuditLoggedDocument,
    "\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query CatalogOptions {\n    categories { id code name parentId path version }\n    brands { id name version }\n  }\n": typeof types.CatalogOptionsDocument,
    "\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category { id name }\n        brand { id name }\n        skus { id }\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units { id name factor }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes { name value }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n": typeof types.ProductDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id version }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { id version }\n  }\n": typeof types.UpdateProductDocument,
    "\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) { filename contentType encoding content columns }\n  }\n": typeof types.ExportProductsDocument,
    "\n  query ProductImportTemplate {\n    productImportTemplate { filename contentType encoding content columns }\n  }\n": typeof types.ProductImportTemplateDocument,
    "\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows { row errors { column message } }\n    }\n  }\n": typeof types.ImportProductsDocument,
    "\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id version }\n  }\n": typeof types.CreateCategoryDocument,
    "\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) { id version }\n  }\n": typeof types.UpdateCategoryDocument,
    "\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) { id parentId version }\n  }\n": typeof types.MoveCategoryDocument,
    "\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) { id version }\n  }\n": typeof types.CreateBrandDocument,
    "\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) { id version }\n  }\n": typeof types.UpdateBrandDocument,
    "\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n": typeof types.InventoryWarehousesDocument,
    "\n  query InventoryCategories {\n    categories { id name parentId }\n  }\n": typeof types.InventoryCategoriesDocument,
    "\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { warehouseId warehouseCode skuId skuCode skuName baseUnit onHand reserved available unitCost value }\n    }\n  }\n": typeof types.StockLevelsDocument,
    "\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) { filename contentType content encoding columns }\n  }\n": typeof types.ExportStockLevelsDocument,
    "\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) { batchId batchNo binCode binId expiryDate qty reserved warehouseId }\n  }\n": typeof types.BinBalancesDocument,
    "\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows { businessDate documentId documentNumber documentType kind qty unitCost value balanceQty balanceValue }\n    }\n  }\n": typeof types.StockCardDocument,
    "\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) { items { skuId skuCode skuName baseUnit } }\n  }\n": typeof types.StockCardSkuDocument,
    "\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) { key label qty value }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) { key label qty value }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) { key label qty value }\n  }\n": typeof types.ValuationDocument,
    "\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) { key label qty value }\n  }\n": typeof types.CostOfGoodsIssuedDocument,
    "\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version }\n    }\n  }\n": typeof types.StockDocumentsDocument,
    "\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version\n      lines { id lineNo skuId qty unit unitFactor baseQty unitCost value binId toBinId batchNo expiryDate }\n    }\n  }\n": typeof types.StockDocumentDocument,
    "\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n    }\n  }\n": typeof types.DocumentSkusDocument,
    "\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n  }\n": typeof types.SkuByBarcodeDocument,
    "\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) { items { id code } }\n  }\n": typeof types.DocumentBinsDocument,
    "\n  query PrintCompany {\n    companyName\n  }\n": typeof types.PrintCompanyDocument,
    "\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) { id version status }\n  }\n": typeof types.CreateStockDocumentDocument,
    "\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) { id version status }\n  }\n": typeof types.UpdateStockDocumentDocument,
    "\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n": typeof types.DeleteStockDocumentDocument,
    "\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n": typeof types.PostStockDocumentDocument,
    "\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) { id number status version }\n  }\n": typeof types.ReceiveTransferDocument,
    "\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n": typeof types.CancelStockDocumentDocument,
    "\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) { key label qty value }\n  }\n": typeof types.ValuationSkusDocument,
    "\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name status blockedReason reducedShare contactPerson phone leadTimeDays paymentTermsDays createdAt }\n    }\n  }\n": typeof types.SuppliersDocument,
    "\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) { id code name status }\n  }\n": typeof types.CreateSupplierDocument,
    "\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number status orderDate expectedDate warehouseId total memo createdAt supplier { id code name } }\n    }\n  }\n": typeof types.PurchaseOrdersDocument,
    "\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier { id code name status blockedReason }\n      pendingApproval { level minAmount roleCodes }\n      lines { id lineNo skuId qty price agreedPrice priceDeviates amount receivedQty rejectedQty }\n      approvals { id level round decision comment userName roleCode at }\n      receipts { id number businessDate postedAt lines { id orderLineId skuId acceptedQty rejectedQty rejectReason unitCost value returnedQty invoicedQty } }\n    }\n  }\n": typeof types.PurchaseOrderDocument,
    "\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) { id }\n  }\n": typeof types.CreatePurchaseOrderDocument,
    "\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) { id status number }\n  }\n": typeof types.SubmitPurchaseOrderDocument,
    "\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n": typeof types.ApprovePurchaseOrderDocument,
    "\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n": typeof types.RejectPurchaseOrderDocument,
    "\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) { id status }\n  }\n": typeof types.CancelPurchaseOrderDocument,
    "\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n": typeof types.ReceivePurchaseOrderDocument,
    "\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) { supplierId supplierCode supplierName invoiced paid open overdue }\n  }\n": typeof types.PayablesDocument,
    "\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id code name status contactPerson phone email address paymentTermsDays leadTimeDays memo version\n      blockedReason reducedShare lastDeliveriesDaysLate\n      qualifications { id kind number expiresOn required }\n    }\n    supplierPrices(supplierId: $id) { id skuId skuCode skuName price validFrom validTo minOrderQty packSize }\n    expiringQualifications(supplierId: $id, withinDays: 30) { daysLeft expired qualification { id } }\n  }\n": typeof types.SupplierProfileDocument,
    "\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) { id price validFrom validTo minOrderQty packSize createdAt }\n  }\n": typeof types.SupplierPriceHistoryDocument,
    "\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) { id status version }\n  }\n": typeof types.UpdateSupplierDocument,
    "\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) { id }\n  }\n": typeof types.AddQualificationDocument,
    "\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) { id }\n  }\n": typeof types.AddSupplierPriceDocument,
    "\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId period deliveries onTime onTimeRate averageDaysLate received rejected rejectRate paidAmount agreedAmount priceDeviationPct\n    }\n  }\n": typeof types.SupplierScorecardsDocument,
    "\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId receiptNumber orderId orderNumber receivedOn expectedOn daysLate accepted rejected paidAmount agreedAmount\n    }\n  }\n": typeof types.SupplierDeliveriesDocument,
    "\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId skuCode skuName status message historyDays averageDailyDemand forecastMethod forecastMethodFixed forecastParams forecastMae\n      safetyMethod safetyStock onHand onOrder reserved leadTimeDays reviewPeriodDays packSize minimumOrder\n      supplierId supplierName supplierReducedShare suggested\n      steps { label formula value }\n    }\n  }\n": typeof types.ReplenishmentDocument,
    "\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history { date qty }\n      weekly { date qty }\n      forecast { date qty }\n    }\n  }\n": typeof types.DemandForecastDocument,
    "\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) { id supplier { name } lines { id } }\n  }\n": typeof types.CreateOrdersFromSuggestionsDocument,
    "\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n": typeof types.ReturnToSupplierDocument,
    "\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) { id total dueDate }\n  }\n": typeof types.CreateSupplierInvoiceDocument,
    "\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) { id amount }\n  }\n": typeof types.RecordSupplierPaymentDocument,
    "\n  query ApprovalSteps {\n    purchaseApprovalSteps { id level minAmount roleCodes version }\n  }\n": typeof types.ApprovalStepsDocument,
    "\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) { id level minAmount roleCodes version }\n  }\n": typeof types.SaveApprovalStepDocument,
    "\n  query RoleOptionsForRules {\n    roleOptions { code name nameZh }\n  }\n": typeof types.RoleOptionsForRulesDocument,
    "\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) { skuId price minOrderQty packSize }\n  }\n": typeof types.AgreedPricesDocument,
    "\n  query ReplenishmentSettings {\n    replenishmentSettings { id skuId categoryId forecastMethod safetyMethod instabilityFactor serviceLevel reviewPeriodDays }\n  }\n": typeof types.ReplenishmentSettingsDocument,
    "\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) { id }\n  }\n": typeof types.SaveReplenishmentSettingDocument,
    "\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) { id status }\n  }\n": typeof types.ClosePurchaseOrderDocument,
    "\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n": typeof types.RolesDocument,
    "\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n": typeof types.PermissionCatalogueDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n": typeof types.DeleteRoleDocument,
    "\n  query PriceLists {\n    priceLists { id code name tierId channelId active version tier { id code name } channel { id code name } }\n  }\n": typeof types.PriceListsDocument,
    "\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) { id priceListId skuId rule value validFrom validTo createdBy createdAt }\n  }\n": typeof types.PriceListItemsDocument,
    "\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice priceListId rule steps belowCost }\n  }\n": typeof types.PriceQuoteDocument,
    "\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) { total items { id code name refSalePrice } }\n  }\n": typeof types.PriceSkusDocument,
    "\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) { items { id code name tier { id code name } channel { id code name } } }\n  }\n": typeof types.PriceCustomersDocument,
    "\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) { id code version }\n  }\n": typeof types.SavePriceListDocument,
    "\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) { id skuId validFrom validTo }\n  }\n": typeof types.SetPriceListItemDocument,
    "\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name phone ownerId ownerName creditLimit tier { id code name } channel { id code name } createdAt }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id code name phone email address birthday preferences ownerId ownerName creditLimit paymentTermsDays memo version tierFixed tierReason\n      tier { id code name } channel { id code name }\n      serviceRecords { id kind content resolved userName at }\n      contacts { id name title phone email primary }\n      addresses { id label receiver phone address isDefault }\n    }\n  }\n": typeof types.CustomerDocument,
    "\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) { id }\n  }\n": typeof types.SaveCustomerContactDocument,
    "\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) { id }\n  }\n": typeof types.SaveCustomerAddressDocument,
    "\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n": typeof types.DeleteCustomerContactDocument,
    "\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n": typeof types.DeleteCustomerAddressDocument,
    "\n  query SalesOptions {\n    customerTiers { id code name rank minAmount minOrders maxRecencyDays version }\n    salesChannels { id code name kind platform active version }\n  }\n": typeof types.SalesOptionsDocument,
    "\n  query SalesOwners {\n    users(page: { limit: 200 }) { items { id username displayName } }\n  }\n": typeof types.SalesOwnersDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) { id code }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) { id version }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) { id }\n  }\n": typeof types.AddServiceRecordDocument,
    "\n  mutation RecomputeTiers {\n    recomputeCustomerTiers { asOf customers changed fixed }\n  }\n": typeof types.RecomputeTiersDocument,
    "\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) { id }\n  }\n": typeof types.SaveChannelDocument,
    "\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId customerCode customerName invoiced credited paid balance\n      age0to30 age31to60 age61to90 ageOver90 overdue openInvoices\n    }\n  }\n": typeof types.CustomerReceivablesDocument,
    "\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) { invoiceId number orderId orderNumber invoiceDate dueDate total settled open overdue }\n  }\n": typeof types.ReceivableInvoicesDocument,
    "\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items { id receivedOn amount reference createdAt }\n    }\n  }\n": typeof types.ReceivablePaymentsDocument,
    "\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) { id customerId amount receivedOn reference }\n  }\n": typeof types.RecordCustomerPaymentDocument,
    "\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from to revenue cogs margin\n      rows { channelId channelCode channelName storeId storeName orders revenue cogs margin }\n      days { day channelCode revenue margin }\n    }\n  }\n": typeof types.SalesOverviewReportDocument,
    "\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) { month orders amount }\n  }\n": typeof types.CustomerSalesHistoryDocument,
    "\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items { id number orderDate status total }\n    }\n  }\n": typeof types.CustomerOrdersDocument,
    "\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items { id number status orderDate customerId customerCode customerName channelName storeName warehouseId ownerName total cogs margin createdAt }\n    }\n  }\n": typeof types.SalesOrdersDocument,
    "\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      lines { id lineNo skuId skuCode skuName qty quotedPrice unitPrice priceRule priceSteps priceChanged belowCost amount reservedQty shippedQty returnedQty invoicedQty cogs margin }\n      shipments { id number businessDate lines { id orderLineId skuId skuCode skuName qty amount cogs returnedQty picks { binCode batchNo expiryDate qty } } }\n      returns { id number businessDate reason resolution note credit replacementOrderId lines { id skuCode skuName qty disposition amount restockedCost } }\n      invoices { id number invoiceDate dueDate total settled }\n    }\n  }\n": typeof types.SalesOrderDocument,
    "\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) { id number }\n  }\n": typeof types.CreateSalesOrderDocument,
    "\n  mutation ConfirmSalesOrder($id: ID!) {\n    confirmSalesOrder(id: $id) { id status }\n  }\n": typeof types.ConfirmSalesOrderDocument,
    "\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) { id status }\n  }\n": typeof types.CancelSalesOrderDocument,
    "\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) { id status }\n  }\n": typeof types.CloseSalesOrderDocument,
    "\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n": typeof types.ShipSalesOrderDocument,
    "\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) { id number credit replacementOrderId }\n  }\n": typeof types.ReturnSalesGoodsDocument,
    "\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) { id number total }\n  }\n": typeof types.CreateSalesInvoiceDocument,
    "\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) { filename contentType content encoding }\n  }\n": typeof types.ExportSalesOrdersDocument,
    "\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) { items { id code name channelId address creditLimit tier { name } addresses { id label receiver phone address isDefault } } }\n  }\n": typeof types.OrderCustomersDocument,
    "\n  query OrderChannels {\n    salesChannels { id code name active }\n    salesStores { id channelId code name active }\n  }\n": typeof types.OrderChannelsDocument,
    "\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) { skuId onHand reserved available }\n  }\n": typeof types.LineAvailabilityDocument,
    "\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice rule steps belowCost }\n  }\n": typeof types.LinePriceDocument,
    "\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n": typeof types.WarehousesDocument,
    "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n": typeof types.CreateWarehouseDocument,
    "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n": typeof types.UpdateWarehouseDocument,
    "\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) { id code name active }\n    zones(warehouseId: $id) { id code name storageCondition version }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items { id code zoneId active version }\n    }\n  }\n": typeof types.WarehouseLocationsDocument,
    "\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) { id version }\n  }\n": typeof types.CreateZoneDocument,
    "\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) { id version }\n  }\n": typeof types.UpdateZoneDocument,
    "\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) { id version }\n  }\n": typeof types.CreateBinDocument,
    "\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) { id version }\n  }\n": typeof types.UpdateBinDocument,
    "\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n": typeof types.CompanySettingsDocument,
    "\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n": typeof types.UpdateCompanySettingsDocument,
    "\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n": typeof types.UserFormOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n": typeof types.ExportUsersDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n": types.AuditStatsDocument,
    "\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n": types.ExportAuditLogDocument,
    "\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n": types.AuditLoggedDocument,
    "\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query CatalogOptions {\n    categories { id code name parentId path version }\n    brands { id name version }\n  }\n": types.CatalogOptionsDocument,
    "\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category { id name }\n        brand { id name }\n        skus { id }\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units { id name factor }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes { name value }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n": types.ProductDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id version }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { id version }\n  }\n": types.UpdateProductDocument,
    "\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) { filename contentType encoding content columns }\n  }\n": types.ExportProductsDocument,
    "\n  query ProductImportTemplate {\n    productImportTemplate { filename contentType encoding content columns }\n  }\n": types.ProductImportTemplateDocument,
    "\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows { row errors { column message } }\n    }\n  }\n": types.ImportProductsDocument,
    "\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id version }\n  }\n": types.CreateCategoryDocument,
    "\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) { id version }\n  }\n": types.UpdateCategoryDocument,
    "\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) { id parentId version }\n  }\n": types.MoveCategoryDocument,
    "\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) { id version }\n  }\n": types.CreateBrandDocument,
    "\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) { id version }\n  }\n": types.UpdateBrandDocument,
    "\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n": types.InventoryWarehousesDocument,
    "\n  query InventoryCategories {\n    categories { id name parentId }\n  }\n": types.InventoryCategoriesDocument,
    "\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { warehouseId warehouseCode skuId skuCode skuName baseUnit onHand reserved available unitCost value }\n    }\n  }\n": types.StockLevelsDocument,
    "\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) { filename contentType content encoding columns }\n  }\n": types.ExportStockLevelsDocument,
    "\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) { batchId batchNo binCode binId expiryDate qty reserved warehouseId }\n  }\n": types.BinBalancesDocument,
    "\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows { businessDate documentId documentNumber documentType kind qty unitCost value balanceQty balanceValue }\n    }\n  }\n": types.StockCardDocument,
    "\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) { items { skuId skuCode skuName baseUnit } }\n  }\n": types.StockCardSkuDocument,
    "\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) { key label qty value }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) { key label qty value }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) { key label qty value }\n  }\n": types.ValuationDocument,
    "\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) { key label qty value }\n  }\n": types.CostOfGoodsIssuedDocument,
    "\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version }\n    }\n  }\n": types.StockDocumentsDocument,
    "\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version\n      lines { id lineNo skuId qty unit unitFactor baseQty unitCost value binId toBinId batchNo expiryDate }\n    }\n  }\n": types.StockDocumentDocument,
    "\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n    }\n  }\n": types.DocumentSkusDocument,
    "\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n  }\n": types.SkuByBarcodeDocument,
    "\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) { items { id code } }\n  }\n": types.DocumentBinsDocument,
    "\n  query PrintCompany {\n    companyName\n  }\n": types.PrintCompanyDocument,
    "\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) { id version status }\n  }\n": types.CreateStockDocumentDocument,
    "\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) { id version status }\n  }\n": types.UpdateStockDocumentDocument,
    "\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n": types.DeleteStockDocumentDocument,
    "\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n": types.PostStockDocumentDocument,
    "\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) { id number status version }\n  }\n": types.ReceiveTransferDocument,
    "\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n": types.CancelStockDocumentDocument,
    "\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) { key label qty value }\n  }\n": types.ValuationSkusDocument,
    "\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n": types.OverviewDocument,
    "\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name status blockedReason reducedShare contactPerson phone leadTimeDays paymentTermsDays createdAt }\n    }\n  }\n": types.SuppliersDocument,
    "\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) { id code name status }\n  }\n": types.CreateSupplierDocument,
    "\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number status orderDate expectedDate warehouseId total memo createdAt supplier { id code name } }\n    }\n  }\n": types.PurchaseOrdersDocument,
    "\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier { id code name status blockedReason }\n      pendingApproval { level minAmount roleCodes }\n      lines { id lineNo skuId qty price agreedPrice priceDeviates amount receivedQty rejectedQty }\n      approvals { id level round decision comment userName roleCode at }\n      receipts { id number businessDate postedAt lines { id orderLineId skuId acceptedQty rejectedQty rejectReason unitCost value returnedQty invoicedQty } }\n    }\n  }\n": types.PurchaseOrderDocument,
    "\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) { id }\n  }\n": types.CreatePurchaseOrderDocument,
    "\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) { id status number }\n  }\n": types.SubmitPurchaseOrderDocument,
    "\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n": types.ApprovePurchaseOrderDocument,
    "\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n": types.RejectPurchaseOrderDocument,
    "\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) { id status }\n  }\n": types.CancelPurchaseOrderDocument,
    "\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n": types.ReceivePurchaseOrderDocument,
    "\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) { supplierId supplierCode supplierName invoiced paid open overdue }\n  }\n": types.PayablesDocument,
    "\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id code name status contactPerson phone email address paymentTermsDays leadTimeDays memo version\n      blockedReason reducedShare lastDeliveriesDaysLate\n      qualifications { id kind number expiresOn required }\n    }\n    supplierPrices(supplierId: $id) { id skuId skuCode skuName price validFrom validTo minOrderQty packSize }\n    expiringQualifications(supplierId: $id, withinDays: 30) { daysLeft expired qualification { id } }\n  }\n": types.SupplierProfileDocument,
    "\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) { id price validFrom validTo minOrderQty packSize createdAt }\n  }\n": types.SupplierPriceHistoryDocument,
    "\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) { id status version }\n  }\n": types.UpdateSupplierDocument,
    "\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) { id }\n  }\n": types.AddQualificationDocument,
    "\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) { id }\n  }\n": types.AddSupplierPriceDocument,
    "\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId period deliveries onTime onTimeRate averageDaysLate received rejected rejectRate paidAmount agreedAmount priceDeviationPct\n    }\n  }\n": types.SupplierScorecardsDocument,
    "\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId receiptNumber orderId orderNumber receivedOn expectedOn daysLate accepted rejected paidAmount agreedAmount\n    }\n  }\n": types.SupplierDeliveriesDocument,
    "\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId skuCode skuName status message historyDays averageDailyDemand forecastMethod forecastMethodFixed forecastParams forecastMae\n      safetyMethod safetyStock onHand onOrder reserved leadTimeDays reviewPeriodDays packSize minimumOrder\n      supplierId supplierName supplierReducedShare suggested\n      steps { label formula value }\n    }\n  }\n": types.ReplenishmentDocument,
    "\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history { date qty }\n      weekly { date qty }\n      forecast { date qty }\n    }\n  }\n": types.DemandForecastDocument,
    "\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) { id supplier { name } lines { id } }\n  }\n": types.CreateOrdersFromSuggestionsDocument,
    "\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n": types.ReturnToSupplierDocument,
    "\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) { id total dueDate }\n  }\n": types.CreateSupplierInvoiceDocument,
    "\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) { id amount }\n  }\n": types.RecordSupplierPaymentDocument,
    "\n  query ApprovalSteps {\n    purchaseApprovalSteps { id level minAmount roleCodes version }\n  }\n": types.ApprovalStepsDocument,
    "\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) { id level minAmount roleCodes version }\n  }\n": types.SaveApprovalStepDocument,
    "\n  query RoleOptionsForRules {\n    roleOptions { code name nameZh }\n  }\n": types.RoleOptionsForRulesDocument,
    "\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) { skuId price minOrderQty packSize }\n  }\n": types.AgreedPricesDocument,
    "\n  query ReplenishmentSettings {\n    replenishmentSettings { id skuId categoryId forecastMethod safetyMethod instabilityFactor serviceLevel reviewPeriodDays }\n  }\n": types.ReplenishmentSettingsDocument,
    "\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) { id }\n  }\n": types.SaveReplenishmentSettingDocument,
    "\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) { id status }\n  }\n": types.ClosePurchaseOrderDocument,
    "\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n": types.RolesDocument,
    "\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n": types.PermissionCatalogueDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n": types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n": types.UpdateRoleDocument,
    "\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n": types.DeleteRoleDocument,
    "\n  query PriceLists {\n    priceLists { id code name tierId channelId active version tier { id code name } channel { id code name } }\n  }\n": types.PriceListsDocument,
    "\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) { id priceListId skuId rule value validFrom validTo createdBy createdAt }\n  }\n": types.PriceListItemsDocument,
    "\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice priceListId rule steps belowCost }\n  }\n": types.PriceQuoteDocument,
    "\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) { total items { id code name refSalePrice } }\n  }\n": types.PriceSkusDocument,
    "\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) { items { id code name tier { id code name } channel { id code name } } }\n  }\n": types.PriceCustomersDocument,
    "\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) { id code version }\n  }\n": types.SavePriceListDocument,
    "\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) { id skuId validFrom validTo }\n  }\n": types.SetPriceListItemDocument,
    "\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name phone ownerId ownerName creditLimit tier { id code name } channel { id code name } createdAt }\n    }\n  }\n": types.CustomersDocument,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id code name phone email address birthday preferences ownerId ownerName creditLimit paymentTermsDays memo version tierFixed tierReason\n      tier { id code name } channel { id code name }\n      serviceRecords { id kind content resolved userName at }\n      contacts { id name title phone email primary }\n      addresses { id label receiver phone address isDefault }\n    }\n  }\n": types.CustomerDocument,
    "\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) { id }\n  }\n": types.SaveCustomerContactDocument,
    "\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) { id }\n  }\n": types.SaveCustomerAddressDocument,
    "\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n": types.DeleteCustomerContactDocument,
    "\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n": types.DeleteCustomerAddressDocument,
    "\n  query SalesOptions {\n    customerTiers { id code name rank minAmount minOrders maxRecencyDays version }\n    salesChannels { id code name kind platform active version }\n  }\n": types.SalesOptionsDocument,
    "\n  query SalesOwners {\n    users(page: { limit: 200 }) { items { id username displayName } }\n  }\n": types.SalesOwnersDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) { id code }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) { id version }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) { id }\n  }\n": types.AddServiceRecordDocument,
    "\n  mutation RecomputeTiers {\n    recomputeCustomerTiers { asOf customers changed fixed }\n  }\n": types.RecomputeTiersDocument,
    "\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) { id }\n  }\n": types.SaveChannelDocument,
    "\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId customerCode customerName invoiced credited paid balance\n      age0to30 age31to60 age61to90 ageOver90 overdue openInvoices\n    }\n  }\n": types.CustomerReceivablesDocument,
    "\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) { invoiceId number orderId orderNumber invoiceDate dueDate total settled open overdue }\n  }\n": types.ReceivableInvoicesDocument,
    "\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items { id receivedOn amount reference createdAt }\n    }\n  }\n": types.ReceivablePaymentsDocument,
    "\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) { id customerId amount receivedOn reference }\n  }\n": types.RecordCustomerPaymentDocument,
    "\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from to revenue cogs margin\n      rows { channelId channelCode channelName storeId storeName orders revenue cogs margin }\n      days { day channelCode revenue margin }\n    }\n  }\n": types.SalesOverviewReportDocument,
    "\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) { month orders amount }\n  }\n": types.CustomerSalesHistoryDocument,
    "\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items { id number orderDate status total }\n    }\n  }\n": types.CustomerOrdersDocument,
    "\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items { id number status orderDate customerId customerCode customerName channelName storeName warehouseId ownerName total cogs margin createdAt }\n    }\n  }\n": types.SalesOrdersDocument,
    "\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      lines { id lineNo skuId skuCode skuName qty quotedPrice unitPrice priceRule priceSteps priceChanged belowCost amount reservedQty shippedQty returnedQty invoicedQty cogs margin }\n      shipments { id number businessDate lines { id orderLineId skuId skuCode skuName qty amount cogs returnedQty picks { binCode batchNo expiryDate qty } } }\n      returns { id number businessDate reason resolution note credit replacementOrderId lines { id skuCode skuName qty disposition amount restockedCost } }\n      invoices { id number invoiceDate dueDate total settled }\n    }\n  }\n": types.SalesOrderDocument,
    "\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) { id number }\n  }\n": types.CreateSalesOrderDocument,
    "\n  mutation ConfirmSalesOrder($id: ID!) {\n    confirmSalesOrder(id: $id) { id status }\n  }\n": types.ConfirmSalesOrderDocument,
    "\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) { id status }\n  }\n": types.CancelSalesOrderDocument,
    "\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) { id status }\n  }\n": types.CloseSalesOrderDocument,
    "\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n": types.ShipSalesOrderDocument,
    "\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) { id number credit replacementOrderId }\n  }\n": types.ReturnSalesGoodsDocument,
    "\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) { id number total }\n  }\n": types.CreateSalesInvoiceDocument,
    "\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) { filename contentType content encoding }\n  }\n": types.ExportSalesOrdersDocument,
    "\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) { items { id code name channelId address creditLimit tier { name } addresses { id label receiver phone address isDefault } } }\n  }\n": types.OrderCustomersDocument,
    "\n  query OrderChannels {\n    salesChannels { id code name active }\n    salesStores { id channelId code name active }\n  }\n": types.OrderChannelsDocument,
    "\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) { skuId onHand reserved available }\n  }\n": types.LineAvailabilityDocument,
    "\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice rule steps belowCost }\n  }\n": types.LinePriceDocument,
    "\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n": types.WarehousesDocument,
    "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n": types.CreateWarehouseDocument,
    "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n": types.UpdateWarehouseDocument,
    "\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) { id code name active }\n    zones(warehouseId: $id) { id code name storageCondition version }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items { id code zoneId active version }\n    }\n  }\n": types.WarehouseLocationsDocument,
    "\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) { id version }\n  }\n": types.CreateZoneDocument,
    "\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) { id version }\n  }\n": types.UpdateZoneDocument,
    "\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) { id version }\n  }\n": types.CreateBinDocument,
    "\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) { id version }\n  }\n": types.UpdateBinDocument,
    "\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n": types.CompanySettingsDocument,
    "\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n": types.UpdateCompanySettingsDocument,
    "\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n": types.UserFormOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n": types.ResetUserPasswordDocument,
    "\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n": types.ExportUsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n"): (typeof documents)["\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n"): (typeof documents)["\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n"): (typeof documents)["\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogOptions {\n    categories { id code name parentId path version }\n    brands { id name version }\n  }\n"): (typeof documents)["\n  query CatalogOptions {\n    categories { id code name parentId path version }\n    brands { id name version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category { id name }\n        brand { id name }\n        skus { id }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category { id name }\n        brand { id name }\n        skus { id }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units { id name factor }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes { name value }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units { id name factor }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes { name value }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) { filename contentType encoding content columns }\n  }\n"): (typeof documents)["\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) { filename contentType encoding content columns }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductImportTemplate {\n    productImportTemplate { filename contentType encoding content columns }\n  }\n"): (typeof documents)["\n  query ProductImportTemplate {\n    productImportTemplate { filename contentType encoding content columns }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows { row errors { column message } }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows { row errors { column message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) { id parentId version }\n  }\n"): (typeof documents)["\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) { id parentId version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n"): (typeof documents)["\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryCategories {\n    categories { id name parentId }\n  }\n"): (typeof documents)["\n  query InventoryCategories {\n    categories { id name parentId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { warehouseId warehouseCode skuId skuCode skuName baseUnit onHand reserved available unitCost value }\n    }\n  }\n"): (typeof documents)["\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { warehouseId warehouseCode skuId skuCode skuName baseUnit onHand reserved available unitCost value }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) { filename contentType content encoding columns }\n  }\n"): (typeof documents)["\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) { filename contentType content encoding columns }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) { batchId batchNo binCode binId expiryDate qty reserved warehouseId }\n  }\n"): (typeof documents)["\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) { batchId batchNo binCode binId expiryDate qty reserved warehouseId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows { businessDate documentId documentNumber documentType kind qty unitCost value balanceQty balanceValue }\n    }\n  }\n"): (typeof documents)["\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows { businessDate documentId documentNumber documentType kind qty unitCost value balanceQty balanceValue }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) { items { skuId skuCode skuName baseUnit } }\n  }\n"): (typeof documents)["\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) { items { skuId skuCode skuName baseUnit } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) { key label qty value }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) { key label qty value }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) { key label qty value }\n  }\n"): (typeof documents)["\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) { key label qty value }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) { key label qty value }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) { key label qty value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) { key label qty value }\n  }\n"): (typeof documents)["\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) { key label qty value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version }\n    }\n  }\n"): (typeof documents)["\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version\n      lines { id lineNo skuId qty unit unitFactor baseQty unitCost value binId toBinId batchNo expiryDate }\n    }\n  }\n"): (typeof documents)["\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id number type status warehouseId toWarehouseId businessDate memo createdAt postedAt receivedAt cancelledAt version\n      lines { id lineNo skuId qty unit unitFactor baseQty unitCost value binId toBinId batchNo expiryDate }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n    }\n  }\n"): (typeof documents)["\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n  }\n"): (typeof documents)["\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) { id code name baseUnit unitScale barcodes units { name factor } product { batchTracked } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) { items { id code } }\n  }\n"): (typeof documents)["\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) { items { id code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrintCompany {\n    companyName\n  }\n"): (typeof documents)["\n  query PrintCompany {\n    companyName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) { id version status }\n  }\n"): (typeof documents)["\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) { id version status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) { id version status }\n  }\n"): (typeof documents)["\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) { id version status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n"): (typeof documents)["\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) { id number status version }\n  }\n"): (typeof documents)["\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) { id number status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n"): (typeof documents)["\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) { id number status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) { key label qty value }\n  }\n"): (typeof documents)["\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) { key label qty value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n"): (typeof documents)["\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name status blockedReason reducedShare contactPerson phone leadTimeDays paymentTermsDays createdAt }\n    }\n  }\n"): (typeof documents)["\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name status blockedReason reducedShare contactPerson phone leadTimeDays paymentTermsDays createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) { id code name status }\n  }\n"): (typeof documents)["\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) { id code name status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number status orderDate expectedDate warehouseId total memo createdAt supplier { id code name } }\n    }\n  }\n"): (typeof documents)["\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id number status orderDate expectedDate warehouseId total memo createdAt supplier { id code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier { id code name status blockedReason }\n      pendingApproval { level minAmount roleCodes }\n      lines { id lineNo skuId qty price agreedPrice priceDeviates amount receivedQty rejectedQty }\n      approvals { id level round decision comment userName roleCode at }\n      receipts { id number businessDate postedAt lines { id orderLineId skuId acceptedQty rejectedQty rejectReason unitCost value returnedQty invoicedQty } }\n    }\n  }\n"): (typeof documents)["\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier { id code name status blockedReason }\n      pendingApproval { level minAmount roleCodes }\n      lines { id lineNo skuId qty price agreedPrice priceDeviates amount receivedQty rejectedQty }\n      approvals { id level round decision comment userName roleCode at }\n      receipts { id number businessDate postedAt lines { id orderLineId skuId acceptedQty rejectedQty rejectReason unitCost value returnedQty invoicedQty } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) { id status number }\n  }\n"): (typeof documents)["\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) { id status number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n"): (typeof documents)["\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n"): (typeof documents)["\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n"): (typeof documents)["\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) { supplierId supplierCode supplierName invoiced paid open overdue }\n  }\n"): (typeof documents)["\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) { supplierId supplierCode supplierName invoiced paid open overdue }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id code name status contactPerson phone email address paymentTermsDays leadTimeDays memo version\n      blockedReason reducedShare lastDeliveriesDaysLate\n      qualifications { id kind number expiresOn required }\n    }\n    supplierPrices(supplierId: $id) { id skuId skuCode skuName price validFrom validTo minOrderQty packSize }\n    expiringQualifications(supplierId: $id, withinDays: 30) { daysLeft expired qualification { id } }\n  }\n"): (typeof documents)["\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id code name status contactPerson phone email address paymentTermsDays leadTimeDays memo version\n      blockedReason reducedShare lastDeliveriesDaysLate\n      qualifications { id kind number expiresOn required }\n    }\n    supplierPrices(supplierId: $id) { id skuId skuCode skuName price validFrom validTo minOrderQty packSize }\n    expiringQualifications(supplierId: $id, withinDays: 30) { daysLeft expired qualification { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) { id price validFrom validTo minOrderQty packSize createdAt }\n  }\n"): (typeof documents)["\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) { id price validFrom validTo minOrderQty packSize createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) { id status version }\n  }\n"): (typeof documents)["\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId period deliveries onTime onTimeRate averageDaysLate received rejected rejectRate paidAmount agreedAmount priceDeviationPct\n    }\n  }\n"): (typeof documents)["\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId period deliveries onTime onTimeRate averageDaysLate received rejected rejectRate paidAmount agreedAmount priceDeviationPct\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId receiptNumber orderId orderNumber receivedOn expectedOn daysLate accepted rejected paidAmount agreedAmount\n    }\n  }\n"): (typeof documents)["\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId receiptNumber orderId orderNumber receivedOn expectedOn daysLate accepted rejected paidAmount agreedAmount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId skuCode skuName status message historyDays averageDailyDemand forecastMethod forecastMethodFixed forecastParams forecastMae\n      safetyMethod safetyStock onHand onOrder reserved leadTimeDays reviewPeriodDays packSize minimumOrder\n      supplierId supplierName supplierReducedShare suggested\n      steps { label formula value }\n    }\n  }\n"): (typeof documents)["\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId skuCode skuName status message historyDays averageDailyDemand forecastMethod forecastMethodFixed forecastParams forecastMae\n      safetyMethod safetyStock onHand onOrder reserved leadTimeDays reviewPeriodDays packSize minimumOrder\n      supplierId supplierName supplierReducedShare suggested\n      steps { label formula value }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history { date qty }\n      weekly { date qty }\n      forecast { date qty }\n    }\n  }\n"): (typeof documents)["\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history { date qty }\n      weekly { date qty }\n      forecast { date qty }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) { id supplier { name } lines { id } }\n  }\n"): (typeof documents)["\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) { id supplier { name } lines { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n"): (typeof documents)["\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) { id total dueDate }\n  }\n"): (typeof documents)["\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) { id total dueDate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) { id amount }\n  }\n"): (typeof documents)["\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) { id amount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalSteps {\n    purchaseApprovalSteps { id level minAmount roleCodes version }\n  }\n"): (typeof documents)["\n  query ApprovalSteps {\n    purchaseApprovalSteps { id level minAmount roleCodes version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) { id level minAmount roleCodes version }\n  }\n"): (typeof documents)["\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) { id level minAmount roleCodes version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleOptionsForRules {\n    roleOptions { code name nameZh }\n  }\n"): (typeof documents)["\n  query RoleOptionsForRules {\n    roleOptions { code name nameZh }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) { skuId price minOrderQty packSize }\n  }\n"): (typeof documents)["\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) { skuId price minOrderQty packSize }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplenishmentSettings {\n    replenishmentSettings { id skuId categoryId forecastMethod safetyMethod instabilityFactor serviceLevel reviewPeriodDays }\n  }\n"): (typeof documents)["\n  query ReplenishmentSettings {\n    replenishmentSettings { id skuId categoryId forecastMethod safetyMethod instabilityFactor serviceLevel reviewPeriodDays }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n"): (typeof documents)["\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceLists {\n    priceLists { id code name tierId channelId active version tier { id code name } channel { id code name } }\n  }\n"): (typeof documents)["\n  query PriceLists {\n    priceLists { id code name tierId channelId active version tier { id code name } channel { id code name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) { id priceListId skuId rule value validFrom validTo createdBy createdAt }\n  }\n"): (typeof documents)["\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) { id priceListId skuId rule value validFrom validTo createdBy createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice priceListId rule steps belowCost }\n  }\n"): (typeof documents)["\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice priceListId rule steps belowCost }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) { total items { id code name refSalePrice } }\n  }\n"): (typeof documents)["\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) { total items { id code name refSalePrice } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) { items { id code name tier { id code name } channel { id code name } } }\n  }\n"): (typeof documents)["\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) { items { id code name tier { id code name } channel { id code name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) { id code version }\n  }\n"): (typeof documents)["\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) { id code version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) { id skuId validFrom validTo }\n  }\n"): (typeof documents)["\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) { id skuId validFrom validTo }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name phone ownerId ownerName creditLimit tier { id code name } channel { id code name } createdAt }\n    }\n  }\n"): (typeof documents)["\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items { id code name phone ownerId ownerName creditLimit tier { id code name } channel { id code name } createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id code name phone email address birthday preferences ownerId ownerName creditLimit paymentTermsDays memo version tierFixed tierReason\n      tier { id code name } channel { id code name }\n      serviceRecords { id kind content resolved userName at }\n      contacts { id name title phone email primary }\n      addresses { id label receiver phone address isDefault }\n    }\n  }\n"): (typeof documents)["\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id code name phone email address birthday preferences ownerId ownerName creditLimit paymentTermsDays memo version tierFixed tierReason\n      tier { id code name } channel { id code name }\n      serviceRecords { id kind content resolved userName at }\n      contacts { id name title phone email primary }\n      addresses { id label receiver phone address isDefault }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesOptions {\n    customerTiers { id code name rank minAmount minOrders maxRecencyDays version }\n    salesChannels { id code name kind platform active version }\n  }\n"): (typeof documents)["\n  query SalesOptions {\n    customerTiers { id code name rank minAmount minOrders maxRecencyDays version }\n    salesChannels { id code name kind platform active version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesOwners {\n    users(page: { limit: 200 }) { items { id username displayName } }\n  }\n"): (typeof documents)["\n  query SalesOwners {\n    users(page: { limit: 200 }) { items { id username displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) { id code }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) { id code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecomputeTiers {\n    recomputeCustomerTiers { asOf customers changed fixed }\n  }\n"): (typeof documents)["\n  mutation RecomputeTiers {\n    recomputeCustomerTiers { asOf customers changed fixed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId customerCode customerName invoiced credited paid balance\n      age0to30 age31to60 age61to90 ageOver90 overdue openInvoices\n    }\n  }\n"): (typeof documents)["\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId customerCode customerName invoiced credited paid balance\n      age0to30 age31to60 age61to90 ageOver90 overdue openInvoices\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) { invoiceId number orderId orderNumber invoiceDate dueDate total settled open overdue }\n  }\n"): (typeof documents)["\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) { invoiceId number orderId orderNumber invoiceDate dueDate total settled open overdue }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items { id receivedOn amount reference createdAt }\n    }\n  }\n"): (typeof documents)["\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items { id receivedOn amount reference createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) { id customerId amount receivedOn reference }\n  }\n"): (typeof documents)["\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) { id customerId amount receivedOn reference }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from to revenue cogs margin\n      rows { channelId channelCode channelName storeId storeName orders revenue cogs margin }\n      days { day channelCode revenue margin }\n    }\n  }\n"): (typeof documents)["\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from to revenue cogs margin\n      rows { channelId channelCode channelName storeId storeName orders revenue cogs margin }\n      days { day channelCode revenue margin }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) { month orders amount }\n  }\n"): (typeof documents)["\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) { month orders amount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items { id number orderDate status total }\n    }\n  }\n"): (typeof documents)["\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items { id number orderDate status total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items { id number status orderDate customerId customerCode customerName channelName storeName warehouseId ownerName total cogs margin createdAt }\n    }\n  }\n"): (typeof documents)["\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items { id number status orderDate customerId customerCode customerName channelName storeName warehouseId ownerName total cogs margin createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      lines { id lineNo skuId skuCode skuName qty quotedPrice unitPrice priceRule priceSteps priceChanged belowCost amount reservedQty shippedQty returnedQty invoicedQty cogs margin }\n      shipments { id number businessDate lines { id orderLineId skuId skuCode skuName qty amount cogs returnedQty picks { binCode batchNo expiryDate qty } } }\n      returns { id number businessDate reason resolution note credit replacementOrderId lines { id skuCode skuName qty disposition amount restockedCost } }\n      invoices { id number invoiceDate dueDate total settled }\n    }\n  }\n"): (typeof documents)["\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      lines { id lineNo skuId skuCode skuName qty quotedPrice unitPrice priceRule priceSteps priceChanged belowCost amount reservedQty shippedQty returnedQty invoicedQty cogs margin }\n      shipments { id number businessDate lines { id orderLineId skuId skuCode skuName qty amount cogs returnedQty picks { binCode batchNo expiryDate qty } } }\n      returns { id number businessDate reason resolution note credit replacementOrderId lines { id skuCode skuName qty disposition amount restockedCost } }\n      invoices { id number invoiceDate dueDate total settled }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) { id number }\n  }\n"): (typeof documents)["\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSalesOrder($id: ID!) {\n    confirmSalesOrder(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ConfirmSalesOrder($id: ID!) {\n    confirmSalesOrder(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n"): (typeof documents)["\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) { id number credit replacementOrderId }\n  }\n"): (typeof documents)["\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) { id number credit replacementOrderId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) { id number total }\n  }\n"): (typeof documents)["\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) { id number total }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) { filename contentType content encoding }\n  }\n"): (typeof documents)["\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) { filename contentType content encoding }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) { items { id code name channelId address creditLimit tier { name } addresses { id label receiver phone address isDefault } } }\n  }\n"): (typeof documents)["\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) { items { id code name channelId address creditLimit tier { name } addresses { id label receiver phone address isDefault } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderChannels {\n    salesChannels { id code name active }\n    salesStores { id channelId code name active }\n  }\n"): (typeof documents)["\n  query OrderChannels {\n    salesChannels { id code name active }\n    salesStores { id channelId code name active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) { skuId onHand reserved available }\n  }\n"): (typeof documents)["\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) { skuId onHand reserved available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice rule steps belowCost }\n  }\n"): (typeof documents)["\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) { unitPrice rule steps belowCost }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n"): (typeof documents)["\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) { id code name active }\n    zones(warehouseId: $id) { id code name storageCondition version }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items { id code zoneId active version }\n    }\n  }\n"): (typeof documents)["\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) { id code name active }\n    zones(warehouseId: $id) { id code name storageCondition version }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items { id code zoneId active version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n"): (typeof documents)["\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n"): (typeof documents)["\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit closedThrough numberPatterns version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n"): (typeof documents)["\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n"): (typeof documents)["\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;