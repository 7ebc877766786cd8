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
  '\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        at\n        username\n        roles\n        action\n        entityType\n        entityId\n        address\n        requestId\n        before\n        after\n      }\n    }\n  }\n': typeof types.AuditLogDocument;
  '\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) {\n      key\n      count\n    }\n  }\n': typeof types.AuditStatsDocument;
  '\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n': typeof types.ExportAuditLogDocument;
  '\n  subscription AuditLogged {\n    auditLogged {\n      id\n      at\n      username\n      action\n    }\n  }\n': typeof types.AuditLoggedDocument;
  '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        username\n        mustChangePassword\n      }\n    }\n  }\n': typeof types.LoginDocument;
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n': typeof types.ChangePasswordDocument;
  '\n  query CatalogOptions {\n    categories {\n      id\n      code\n      name\n      parentId\n      path\n      version\n    }\n    brands {\n      id\n      name\n      version\n    }\n  }\n': typeof types.CatalogOptionsDocument;
  '\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category {\n          id\n          name\n        }\n        brand {\n          id\n          name\n        }\n        skus {\n          id\n        }\n      }\n    }\n  }\n': typeof types.ProductsDocument;
  '\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units {\n        id\n        name\n        factor\n      }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes {\n          name\n          value\n        }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n': typeof types.ProductDocument;
  '\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.CreateProductDocument;
  '\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateProductDocument;
  '\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n': typeof types.ExportProductsDocument;
  '\n  query ProductImportTemplate {\n    productImportTemplate {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n': typeof types.ProductImportTemplateDocument;
  '\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows {\n        row\n        errors {\n          column\n          message\n        }\n      }\n    }\n  }\n': typeof types.ImportProductsDocument;
  '\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.CreateCategoryDocument;
  '\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateCategoryDocument;
  '\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) {\n      id\n      parentId\n      version\n    }\n  }\n': typeof types.MoveCategoryDocument;
  '\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.CreateBrandDocument;
  '\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateBrandDocument;
  '\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n': typeof types.InventoryWarehousesDocument;
  '\n  query InventoryCategories {\n    categories {\n      id\n      name\n      parentId\n    }\n  }\n': typeof types.InventoryCategoriesDocument;
  '\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        warehouseId\n        warehouseCode\n        skuId\n        skuCode\n        skuName\n        baseUnit\n        onHand\n        reserved\n        available\n        unitCost\n        value\n      }\n    }\n  }\n': typeof types.StockLevelsDocument;
  '\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) {\n      filename\n      contentType\n      content\n      encoding\n      columns\n    }\n  }\n': typeof types.ExportStockLevelsDocument;
  '\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) {\n      batchId\n      batchNo\n      binCode\n      binId\n      expiryDate\n      qty\n      reserved\n      warehouseId\n    }\n  }\n': typeof types.BinBalancesDocument;
  '\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows {\n        businessDate\n        documentId\n        documentNumber\n        documentType\n        kind\n        qty\n        unitCost\n        value\n        balanceQty\n        balanceValue\n      }\n    }\n  }\n': typeof types.StockCardDocument;
  '\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) {\n      items {\n        skuId\n        skuCode\n        skuName\n        baseUnit\n      }\n    }\n  }\n': typeof types.StockCardSkuDocument;
  '\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) {\n      key\n      label\n      qty\n      value\n    }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) {\n      key\n      label\n      qty\n      value\n    }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) {\n      key\n      label\n      qty\n      value\n    }\n  }\n': typeof types.ValuationDocument;
  '\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n': typeof types.CostOfGoodsIssuedDocument;
  '\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        type\n        status\n        warehouseId\n        toWarehouseId\n        businessDate\n        memo\n        createdAt\n        postedAt\n        receivedAt\n        cancelledAt\n        version\n      }\n    }\n  }\n': typeof types.StockDocumentsDocument;
  '\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      number\n      type\n      status\n      warehouseId\n      toWarehouseId\n      businessDate\n      memo\n      createdAt\n      postedAt\n      receivedAt\n      cancelledAt\n      version\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        unit\n        unitFactor\n        baseQty\n        unitCost\n        value\n        binId\n        toBinId\n        batchNo\n        expiryDate\n      }\n    }\n  }\n': typeof types.StockDocumentDocument;
  '\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        baseUnit\n        unitScale\n        barcodes\n        units {\n          name\n          factor\n        }\n        product {\n          batchTracked\n        }\n      }\n    }\n  }\n': typeof types.DocumentSkusDocument;
  '\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) {\n      id\n      code\n      name\n      baseUnit\n      unitScale\n      barcodes\n      units {\n        name\n        factor\n      }\n      product {\n        batchTracked\n      }\n    }\n  }\n': typeof types.SkuByBarcodeDocument;
  '\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) {\n      items {\n        id\n        code\n      }\n    }\n  }\n': typeof types.DocumentBinsDocument;
  '\n  query PrintCompany {\n    companyName\n  }\n': typeof types.PrintCompanyDocument;
  '\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n': typeof types.CreateStockDocumentDocument;
  '\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n': typeof types.UpdateStockDocumentDocument;
  '\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n': typeof types.DeleteStockDocumentDocument;
  '\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n': typeof types.PostStockDocumentDocument;
  '\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) {\n      id\n      number\n      status\n      version\n    }\n  }\n': typeof types.ReceiveTransferDocument;
  '\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n': typeof types.CancelStockDocumentDocument;
  '\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n': typeof types.ValuationSkusDocument;
  '\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole {\n        key\n        count\n      }\n      activeSessions\n      loginsByDay {\n        day\n        count\n      }\n      failedLoginsByDay {\n        day\n        count\n      }\n      changesByDay {\n        day\n        count\n      }\n      warehouses\n    }\n  }\n': typeof types.OverviewDocument;
  '\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        status\n        blockedReason\n        reducedShare\n        contactPerson\n        phone\n        leadTimeDays\n        paymentTermsDays\n        createdAt\n      }\n    }\n  }\n': typeof types.SuppliersDocument;
  '\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) {\n      id\n      code\n      name\n      status\n    }\n  }\n': typeof types.CreateSupplierDocument;
  '\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        expectedDate\n        warehouseId\n        total\n        memo\n        createdAt\n        supplier {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n': typeof types.PurchaseOrdersDocument;
  '\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      availableActions\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier {\n        id\n        code\n        name\n        status\n        blockedReason\n      }\n      pendingApproval {\n        level\n        minAmount\n        roleCodes\n      }\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        price\n        agreedPrice\n        priceDeviates\n        amount\n        receivedQty\n        rejectedQty\n      }\n      approvals {\n        id\n        level\n        round\n        decision\n        comment\n        userName\n        roleCode\n        at\n        day\n      }\n      receipts {\n        id\n        number\n        businessDate\n        postedAt\n        lines {\n          id\n          orderLineId\n          skuId\n          acceptedQty\n          rejectedQty\n          rejectReason\n          unitCost\n          value\n          returnedQty\n          invoicedQty\n        }\n      }\n    }\n  }\n': typeof types.PurchaseOrderDocument;
  '\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) {\n      id\n    }\n  }\n': typeof types.CreatePurchaseOrderDocument;
  '\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) {\n      id\n      status\n      number\n    }\n  }\n': typeof types.SubmitPurchaseOrderDocument;
  '\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n': typeof types.ApprovePurchaseOrderDocument;
  '\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n': typeof types.RejectPurchaseOrderDocument;
  '\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n': typeof types.CancelPurchaseOrderDocument;
  '\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n': typeof types.ReceivePurchaseOrderDocument;
  '\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) {\n      supplierId\n      supplierCode\n      supplierName\n      invoiced\n      paid\n      open\n      overdue\n    }\n  }\n': typeof types.PayablesDocument;
  '\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      status\n      contactPerson\n      phone\n      email\n      address\n      paymentTermsDays\n      leadTimeDays\n      memo\n      version\n      blockedReason\n      reducedShare\n      lastDeliveriesDaysLate\n      qualifications {\n        id\n        kind\n        number\n        expiresOn\n        required\n      }\n    }\n    supplierPrices(supplierId: $id) {\n      id\n      skuId\n      skuCode\n      skuName\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n    }\n    expiringQualifications(supplierId: $id, withinDays: 30) {\n      daysLeft\n      expired\n      qualification {\n        id\n      }\n    }\n  }\n': typeof types.SupplierProfileDocument;
  '\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) {\n      id\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n      createdAt\n    }\n  }\n': typeof types.SupplierPriceHistoryDocument;
  '\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) {\n      id\n      status\n      version\n    }\n  }\n': typeof types.UpdateSupplierDocument;
  '\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) {\n      id\n    }\n  }\n': typeof types.AddQualificationDocument;
  '\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) {\n      id\n    }\n  }\n': typeof types.AddSupplierPriceDocument;
  '\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId\n      period\n      deliveries\n      onTime\n      onTimeRate\n      averageDaysLate\n      received\n      rejected\n      rejectRate\n      paidAmount\n      agreedAmount\n      priceDeviationPct\n    }\n  }\n': typeof types.SupplierScorecardsDocument;
  '\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId\n      receiptNumber\n      orderId\n      orderNumber\n      receivedOn\n      expectedOn\n      daysLate\n      accepted\n      rejected\n      paidAmount\n      agreedAmount\n    }\n  }\n': typeof types.SupplierDeliveriesDocument;
  '\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId\n      skuCode\n      skuName\n      status\n      message\n      historyDays\n      averageDailyDemand\n      forecastMethod\n      forecastMethodFixed\n      forecastParams\n      forecastMae\n      safetyMethod\n      safetyStock\n      onHand\n      onOrder\n      reserved\n      leadTimeDays\n      reviewPeriodDays\n      packSize\n      minimumOrder\n      supplierId\n      supplierName\n      supplierReducedShare\n      suggested\n      steps {\n        label\n        formula\n        value\n      }\n    }\n  }\n': typeof types.ReplenishmentDocument;
  '\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history {\n        date\n        qty\n      }\n      weekly {\n        date\n        qty\n      }\n      forecast {\n        date\n        qty\n      }\n    }\n  }\n': typeof types.DemandForecastDocument;
  '\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) {\n      id\n      supplier {\n        name\n      }\n      lines {\n        id\n      }\n    }\n  }\n': typeof types.CreateOrdersFromSuggestionsDocument;
  '\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n': typeof types.ReturnToSupplierDocument;
  '\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) {\n      id\n      total\n      dueDate\n    }\n  }\n': typeof types.CreateSupplierInvoiceDocument;
  '\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) {\n      id\n      amount\n    }\n  }\n': typeof types.RecordSupplierPaymentDocument;
  '\n  query ApprovalSteps {\n    purchaseApprovalSteps {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n': typeof types.ApprovalStepsDocument;
  '\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n': typeof types.SaveApprovalStepDocument;
  '\n  query RoleOptionsForRules {\n    roleOptions {\n      code\n      name\n      nameZh\n    }\n  }\n': typeof types.RoleOptionsForRulesDocument;
  '\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) {\n      skuId\n      price\n      minOrderQty\n      packSize\n    }\n  }\n': typeof types.AgreedPricesDocument;
  '\n  query ReplenishmentSettings {\n    replenishmentSettings {\n      id\n      skuId\n      categoryId\n      forecastMethod\n      safetyMethod\n      instabilityFactor\n      serviceLevel\n      reviewPeriodDays\n    }\n  }\n': typeof types.ReplenishmentSettingsDocument;
  '\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) {\n      id\n    }\n  }\n': typeof types.SaveReplenishmentSettingDocument;
  '\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n': typeof types.ClosePurchaseOrderDocument;
  '\n  query Roles {\n    roles {\n      id\n      code\n      name\n      nameZh\n      builtIn\n      permissions\n      version\n    }\n  }\n': typeof types.RolesDocument;
  '\n  query PermissionCatalogue {\n    permissionCatalogue {\n      area\n      code\n    }\n  }\n': typeof types.PermissionCatalogueDocument;
  '\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      code\n      version\n    }\n  }\n': typeof types.CreateRoleDocument;
  '\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateRoleDocument;
  '\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n': typeof types.DeleteRoleDocument;
  '\n  query PriceLists {\n    priceLists {\n      id\n      code\n      name\n      tierId\n      channelId\n      active\n      version\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n    }\n  }\n': typeof types.PriceListsDocument;
  '\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) {\n      id\n      priceListId\n      skuId\n      rule\n      value\n      validFrom\n      validTo\n      createdBy\n      createdAt\n    }\n  }\n': typeof types.PriceListItemsDocument;
  '\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      priceListId\n      rule\n      steps\n      belowCost\n    }\n  }\n': typeof types.PriceQuoteDocument;
  '\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      total\n      items {\n        id\n        code\n        name\n        refSalePrice\n      }\n    }\n  }\n': typeof types.PriceSkusDocument;
  '\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n': typeof types.PriceCustomersDocument;
  '\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) {\n      id\n      code\n      version\n    }\n  }\n': typeof types.SavePriceListDocument;
  '\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) {\n      id\n      skuId\n      validFrom\n      validTo\n    }\n  }\n': typeof types.SetPriceListItemDocument;
  '\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        phone\n        ownerId\n        ownerName\n        creditLimit\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n        createdAt\n      }\n    }\n  }\n': typeof types.CustomersDocument;
  '\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      code\n      name\n      phone\n      email\n      address\n      birthday\n      preferences\n      ownerId\n      ownerName\n      creditLimit\n      paymentTermsDays\n      memo\n      version\n      tierFixed\n      tierReason\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n      serviceRecords {\n        id\n        kind\n        content\n        resolved\n        userName\n        at\n      }\n      contacts {\n        id\n        name\n        title\n        phone\n        email\n        primary\n      }\n      addresses {\n        id\n        label\n        receiver\n        phone\n        address\n        isDefault\n      }\n    }\n  }\n': typeof types.CustomerDocument;
  '\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) {\n      id\n    }\n  }\n': typeof types.SaveCustomerContactDocument;
  '\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) {\n      id\n    }\n  }\n': typeof types.SaveCustomerAddressDocument;
  '\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n': typeof types.DeleteCustomerContactDocument;
  '\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n': typeof types.DeleteCustomerAddressDocument;
  '\n  query SalesOptions {\n    customerTiers {\n      id\n      code\n      name\n      rank\n      minAmount\n      minOrders\n      maxRecencyDays\n      version\n    }\n    salesChannels {\n      id\n      code\n      name\n      kind\n      platform\n      active\n      version\n    }\n  }\n': typeof types.SalesOptionsDocument;
  '\n  query SalesOwners {\n    users(page: { limit: 200 }) {\n      items {\n        id\n        username\n        displayName\n      }\n    }\n  }\n': typeof types.SalesOwnersDocument;
  '\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      code\n    }\n  }\n': typeof types.CreateCustomerDocument;
  '\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateCustomerDocument;
  '\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) {\n      id\n    }\n  }\n': typeof types.AddServiceRecordDocument;
  '\n  mutation RecomputeTiers {\n    recomputeCustomerTiers {\n      asOf\n      customers\n      changed\n      fixed\n    }\n  }\n': typeof types.RecomputeTiersDocument;
  '\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) {\n      id\n    }\n  }\n': typeof types.SaveChannelDocument;
  '\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId\n      customerCode\n      customerName\n      invoiced\n      credited\n      paid\n      balance\n      age0to30\n      age31to60\n      age61to90\n      ageOver90\n      overdue\n      openInvoices\n    }\n  }\n': typeof types.CustomerReceivablesDocument;
  '\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) {\n      invoiceId\n      number\n      orderId\n      orderNumber\n      invoiceDate\n      dueDate\n      total\n      settled\n      open\n      overdue\n    }\n  }\n': typeof types.ReceivableInvoicesDocument;
  '\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items {\n        id\n        receivedOn\n        amount\n        reference\n        createdAt\n      }\n    }\n  }\n': typeof types.ReceivablePaymentsDocument;
  '\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) {\n      id\n      customerId\n      amount\n      receivedOn\n      reference\n    }\n  }\n': typeof types.RecordCustomerPaymentDocument;
  '\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from\n      to\n      revenue\n      cogs\n      margin\n      rows {\n        channelId\n        channelCode\n        channelName\n        storeId\n        storeName\n        orders\n        revenue\n        cogs\n        margin\n      }\n      days {\n        day\n        channelCode\n        revenue\n        margin\n      }\n    }\n  }\n': typeof types.SalesOverviewReportDocument;
  '\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) {\n      month\n      orders\n      amount\n    }\n  }\n': typeof types.CustomerSalesHistoryDocument;
  '\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items {\n        id\n        number\n        orderDate\n        status\n        total\n      }\n    }\n  }\n': typeof types.CustomerOrdersDocument;
  '\n  query ExportCustomerReceivables($asOf: String, $xlsx: Boolean) {\n    exportCustomerReceivables(asOf: $asOf, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n': typeof types.ExportCustomerReceivablesDocument;
  '\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        customerId\n        customerCode\n        customerName\n        channelName\n        storeName\n        warehouseId\n        ownerName\n        total\n        cogs\n        margin\n        createdAt\n      }\n    }\n  }\n': typeof types.SalesOrdersDocument;
  '\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      availableActions\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      approvalReason\n      approvalNote\n      approvalRequestedByName\n      approvalRequestedAt\n      rejectionNote\n      priceDecidedByName\n      lines {\n        id\n        lineNo\n        skuId\n        skuCode\n        skuName\n        qty\n        quotedPrice\n        unitPrice\n        priceRule\n        priceSteps\n        priceChanged\n        belowCost\n        unitCost\n        expectedMargin\n        amount\n        reservedQty\n        shippedQty\n        returnedQty\n        invoicedQty\n        cogs\n        margin\n      }\n      shipments {\n        id\n        number\n        businessDate\n        lines {\n          id\n          orderLineId\n          skuId\n          skuCode\n          skuName\n          qty\n          amount\n          cogs\n          returnedQty\n          picks {\n            binCode\n            batchNo\n            expiryDate\n            qty\n          }\n        }\n      }\n      returns {\n        id\n        number\n        businessDate\n        reason\n        resolution\n        note\n        credit\n        replacementOrderId\n        lines {\n          id\n          skuCode\n          skuName\n          qty\n          disposition\n          amount\n          restockedCost\n        }\n      }\n      invoices {\n        id\n        number\n        invoiceDate\n        dueDate\n        total\n        settled\n      }\n    }\n  }\n': typeof types.SalesOrderDocument;
  '\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) {\n      id\n      number\n    }\n  }\n': typeof types.CreateSalesOrderDocument;
  '\n  mutation ConfirmSalesOrder($id: ID!, $note: String) {\n    confirmSalesOrder(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.ConfirmSalesOrderDocument;
  '\n  mutation ApproveSalesOrderPrices($id: ID!) {\n    approveSalesOrderPrices(id: $id) {\n      id\n      status\n    }\n  }\n': typeof types.ApproveSalesOrderPricesDocument;
  '\n  mutation RejectSalesOrderPrices($id: ID!, $note: String!) {\n    rejectSalesOrderPrices(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.RejectSalesOrderPricesDocument;
  '\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n': typeof types.CancelSalesOrderDocument;
  '\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n': typeof types.CloseSalesOrderDocument;
  '\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n': typeof types.ShipSalesOrderDocument;
  '\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      credit\n      replacementOrderId\n    }\n  }\n': typeof types.ReturnSalesGoodsDocument;
  '\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) {\n      id\n      number\n      total\n    }\n  }\n': typeof types.CreateSalesInvoiceDocument;
  '\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n': typeof types.ExportSalesOrdersDocument;
  '\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) {\n      items {\n        id\n        code\n        name\n        channelId\n        address\n        creditLimit\n        tier {\n          name\n        }\n        addresses {\n          id\n          label\n          receiver\n          phone\n          address\n          isDefault\n        }\n      }\n    }\n  }\n': typeof types.OrderCustomersDocument;
  '\n  query OrderChannels {\n    salesChannels {\n      id\n      code\n      name\n      active\n    }\n    salesStores {\n      id\n      channelId\n      code\n      name\n      active\n    }\n  }\n': typeof types.OrderChannelsDocument;
  '\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) {\n      skuId\n      onHand\n      reserved\n      available\n    }\n  }\n': typeof types.LineAvailabilityDocument;
  '\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      rule\n      steps\n      belowCost\n    }\n  }\n': typeof types.LinePriceDocument;
  '\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        kind\n        active\n        allowNegative\n        version\n      }\n    }\n  }\n': typeof types.WarehousesDocument;
  '\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.CreateWarehouseDocument;
  '\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateWarehouseDocument;
  '\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) {\n      id\n      code\n      name\n      active\n    }\n    zones(warehouseId: $id) {\n      id\n      code\n      name\n      storageCondition\n      version\n    }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        zoneId\n        active\n        version\n      }\n    }\n  }\n': typeof types.WarehouseLocationsDocument;
  '\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.CreateZoneDocument;
  '\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateZoneDocument;
  '\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.CreateBinDocument;
  '\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) {\n      id\n      version\n    }\n  }\n': typeof types.UpdateBinDocument;
  '\n  query CompanySettings {\n    companySettings {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n': typeof types.CompanySettingsDocument;
  '\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n': typeof types.UpdateCompanySettingsDocument;
  '\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n': typeof types.UsersDocument;
  '\n  query UserFormOptions {\n    roles {\n      id\n      code\n      name\n      nameZh\n    }\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n': typeof types.UserFormOptionsDocument;
  '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      version\n    }\n  }\n': typeof types.CreateUserDocument;
  '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      active\n      version\n    }\n  }\n': typeof types.UpdateUserDocument;
  '\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) {\n      id\n      version\n      mustChangePassword\n    }\n  }\n': typeof types.ResetUserPasswordDocument;
  '\n  query ExportUsers {\n    exportUsers {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n': typeof types.ExportUsersDocument;
  '\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n': typeof types.MeDocument;
  '\n  mutation Logout {\n    logout\n  }\n': typeof types.LogoutDocument;
};
const documents: Documents = {
  '\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        at\n        username\n        roles\n        action\n        entityType\n        entityId\n        address\n        requestId\n        before\n        after\n      }\n    }\n  }\n':
    types.AuditLogDocument,
  '\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) {\n      key\n      count\n    }\n  }\n':
    types.AuditStatsDocument,
  '\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n':
    types.ExportAuditLogDocument,
  '\n  subscription AuditLogged {\n    auditLogged {\n      id\n      at\n      username\n      action\n    }\n  }\n':
    types.AuditLoggedDocument,
  '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        username\n        mustChangePassword\n      }\n    }\n  }\n':
    types.LoginDocument,
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n':
    types.ChangePasswordDocument,
  '\n  query CatalogOptions {\n    categories {\n      id\n      code\n      name\n      parentId\n      path\n      version\n    }\n    brands {\n      id\n      name\n      version\n    }\n  }\n':
    types.CatalogOptionsDocument,
  '\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category {\n          id\n          name\n        }\n        brand {\n          id\n          name\n        }\n        skus {\n          id\n        }\n      }\n    }\n  }\n':
    types.ProductsDocument,
  '\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units {\n        id\n        name\n        factor\n      }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes {\n          name\n          value\n        }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n':
    types.ProductDocument,
  '\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.CreateProductDocument,
  '\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateProductDocument,
  '\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n':
    types.ExportProductsDocument,
  '\n  query ProductImportTemplate {\n    productImportTemplate {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n':
    types.ProductImportTemplateDocument,
  '\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows {\n        row\n        errors {\n          column\n          message\n        }\n      }\n    }\n  }\n':
    types.ImportProductsDocument,
  '\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.CreateCategoryDocument,
  '\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateCategoryDocument,
  '\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) {\n      id\n      parentId\n      version\n    }\n  }\n':
    types.MoveCategoryDocument,
  '\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.CreateBrandDocument,
  '\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateBrandDocument,
  '\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n':
    types.InventoryWarehousesDocument,
  '\n  query InventoryCategories {\n    categories {\n      id\n      name\n      parentId\n    }\n  }\n':
    types.InventoryCategoriesDocument,
  '\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        warehouseId\n        warehouseCode\n        skuId\n        skuCode\n        skuName\n        baseUnit\n        onHand\n        reserved\n        available\n        unitCost\n        value\n      }\n    }\n  }\n':
    types.StockLevelsDocument,
  '\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) {\n      filename\n      contentType\n      content\n      encoding\n      columns\n    }\n  }\n':
    types.ExportStockLevelsDocument,
  '\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) {\n      batchId\n      batchNo\n      binCode\n      binId\n      expiryDate\n      qty\n      reserved\n      warehouseId\n    }\n  }\n':
    types.BinBalancesDocument,
  '\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows {\n        businessDate\n        documentId\n        documentNumber\n        documentType\n        kind\n        qty\n        unitCost\n        value\n        balanceQty\n        balanceValue\n      }\n    }\n  }\n':
    types.StockCardDocument,
  '\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) {\n      items {\n        skuId\n        skuCode\n        skuName\n        baseUnit\n      }\n    }\n  }\n':
    types.StockCardSkuDocument,
  '\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) {\n      key\n      label\n      qty\n      value\n    }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) {\n      key\n      label\n      qty\n      value\n    }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) {\n      key\n      label\n      qty\n      value\n    }\n  }\n':
    types.ValuationDocument,
  '\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n':
    types.CostOfGoodsIssuedDocument,
  '\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        type\n        status\n        warehouseId\n        toWarehouseId\n        businessDate\n        memo\n        createdAt\n        postedAt\n        receivedAt\n        cancelledAt\n        version\n      }\n    }\n  }\n':
    types.StockDocumentsDocument,
  '\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      number\n      type\n      status\n      warehouseId\n      toWarehouseId\n      businessDate\n      memo\n      createdAt\n      postedAt\n      receivedAt\n      cancelledAt\n      version\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        unit\n        unitFactor\n        baseQty\n        unitCost\n        value\n        binId\n        toBinId\n        batchNo\n        expiryDate\n      }\n    }\n  }\n':
    types.StockDocumentDocument,
  '\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        baseUnit\n        unitScale\n        barcodes\n        units {\n          name\n          factor\n        }\n        product {\n          batchTracked\n        }\n      }\n    }\n  }\n':
    types.DocumentSkusDocument,
  '\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) {\n      id\n      code\n      name\n      baseUnit\n      unitScale\n      barcodes\n      units {\n        name\n        factor\n      }\n      product {\n        batchTracked\n      }\n    }\n  }\n':
    types.SkuByBarcodeDocument,
  '\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) {\n      items {\n        id\n        code\n      }\n    }\n  }\n':
    types.DocumentBinsDocument,
  '\n  query PrintCompany {\n    companyName\n  }\n': types.PrintCompanyDocument,
  '\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n':
    types.CreateStockDocumentDocument,
  '\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n':
    types.UpdateStockDocumentDocument,
  '\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n':
    types.DeleteStockDocumentDocument,
  '\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n':
    types.PostStockDocumentDocument,
  '\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) {\n      id\n      number\n      status\n      version\n    }\n  }\n':
    types.ReceiveTransferDocument,
  '\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n':
    types.CancelStockDocumentDocument,
  '\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n':
    types.ValuationSkusDocument,
  '\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole {\n        key\n        count\n      }\n      activeSessions\n      loginsByDay {\n        day\n        count\n      }\n      failedLoginsByDay {\n        day\n        count\n      }\n      changesByDay {\n        day\n        count\n      }\n      warehouses\n    }\n  }\n':
    types.OverviewDocument,
  '\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        status\n        blockedReason\n        reducedShare\n        contactPerson\n        phone\n        leadTimeDays\n        paymentTermsDays\n        createdAt\n      }\n    }\n  }\n':
    types.SuppliersDocument,
  '\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) {\n      id\n      code\n      name\n      status\n    }\n  }\n':
    types.CreateSupplierDocument,
  '\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        expectedDate\n        warehouseId\n        total\n        memo\n        createdAt\n        supplier {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n':
    types.PurchaseOrdersDocument,
  '\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      availableActions\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier {\n        id\n        code\n        name\n        status\n        blockedReason\n      }\n      pendingApproval {\n        level\n        minAmount\n        roleCodes\n      }\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        price\n        agreedPrice\n        priceDeviates\n        amount\n        receivedQty\n        rejectedQty\n      }\n      approvals {\n        id\n        level\n        round\n        decision\n        comment\n        userName\n        roleCode\n        at\n        day\n      }\n      receipts {\n        id\n        number\n        businessDate\n        postedAt\n        lines {\n          id\n          orderLineId\n          skuId\n          acceptedQty\n          rejectedQty\n          rejectReason\n          unitCost\n          value\n          returnedQty\n          invoicedQty\n        }\n      }\n    }\n  }\n':
    types.PurchaseOrderDocument,
  '\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) {\n      id\n    }\n  }\n':
    types.CreatePurchaseOrderDocument,
  '\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) {\n      id\n      status\n      number\n    }\n  }\n':
    types.SubmitPurchaseOrderDocument,
  '\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n':
    types.ApprovePurchaseOrderDocument,
  '\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n':
    types.RejectPurchaseOrderDocument,
  '\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n':
    types.CancelPurchaseOrderDocument,
  '\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n':
    types.ReceivePurchaseOrderDocument,
  '\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) {\n      supplierId\n      supplierCode\n      supplierName\n      invoiced\n      paid\n      open\n      overdue\n    }\n  }\n':
    types.PayablesDocument,
  '\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      status\n      contactPerson\n      phone\n      email\n      address\n      paymentTermsDays\n      leadTimeDays\n      memo\n      version\n      blockedReason\n      reducedShare\n      lastDeliveriesDaysLate\n      qualifications {\n        id\n        kind\n        number\n        expiresOn\n        required\n      }\n    }\n    supplierPrices(supplierId: $id) {\n      id\n      skuId\n      skuCode\n      skuName\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n    }\n    expiringQualifications(supplierId: $id, withinDays: 30) {\n      daysLeft\n      expired\n      qualification {\n        id\n      }\n    }\n  }\n':
    types.SupplierProfileDocument,
  '\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) {\n      id\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n      createdAt\n    }\n  }\n':
    types.SupplierPriceHistoryDocument,
  '\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) {\n      id\n      status\n      version\n    }\n  }\n':
    types.UpdateSupplierDocument,
  '\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) {\n      id\n    }\n  }\n':
    types.AddQualificationDocument,
  '\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) {\n      id\n    }\n  }\n':
    types.AddSupplierPriceDocument,
  '\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId\n      period\n      deliveries\n      onTime\n      onTimeRate\n      averageDaysLate\n      received\n      rejected\n      rejectRate\n      paidAmount\n      agreedAmount\n      priceDeviationPct\n    }\n  }\n':
    types.SupplierScorecardsDocument,
  '\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId\n      receiptNumber\n      orderId\n      orderNumber\n      receivedOn\n      expectedOn\n      daysLate\n      accepted\n      rejected\n      paidAmount\n      agreedAmount\n    }\n  }\n':
    types.SupplierDeliveriesDocument,
  '\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId\n      skuCode\n      skuName\n      status\n      message\n      historyDays\n      averageDailyDemand\n      forecastMethod\n      forecastMethodFixed\n      forecastParams\n      forecastMae\n      safetyMethod\n      safetyStock\n      onHand\n      onOrder\n      reserved\n      leadTimeDays\n      reviewPeriodDays\n      packSize\n      minimumOrder\n      supplierId\n      supplierName\n      supplierReducedShare\n      suggested\n      steps {\n        label\n        formula\n        value\n      }\n    }\n  }\n':
    types.ReplenishmentDocument,
  '\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history {\n        date\n        qty\n      }\n      weekly {\n        date\n        qty\n      }\n      forecast {\n        date\n        qty\n      }\n    }\n  }\n':
    types.DemandForecastDocument,
  '\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) {\n      id\n      supplier {\n        name\n      }\n      lines {\n        id\n      }\n    }\n  }\n':
    types.CreateOrdersFromSuggestionsDocument,
  '\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n':
    types.ReturnToSupplierDocument,
  '\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) {\n      id\n      total\n      dueDate\n    }\n  }\n':
    types.CreateSupplierInvoiceDocument,
  '\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) {\n      id\n      amount\n    }\n  }\n':
    types.RecordSupplierPaymentDocument,
  '\n  query ApprovalSteps {\n    purchaseApprovalSteps {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n':
    types.ApprovalStepsDocument,
  '\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n':
    types.SaveApprovalStepDocument,
  '\n  query RoleOptionsForRules {\n    roleOptions {\n      code\n      name\n      nameZh\n    }\n  }\n':
    types.RoleOptionsForRulesDocument,
  '\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) {\n      skuId\n      price\n      minOrderQty\n      packSize\n    }\n  }\n':
    types.AgreedPricesDocument,
  '\n  query ReplenishmentSettings {\n    replenishmentSettings {\n      id\n      skuId\n      categoryId\n      forecastMethod\n      safetyMethod\n      instabilityFactor\n      serviceLevel\n      reviewPeriodDays\n    }\n  }\n':
    types.ReplenishmentSettingsDocument,
  '\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) {\n      id\n    }\n  }\n':
    types.SaveReplenishmentSettingDocument,
  '\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n':
    types.ClosePurchaseOrderDocument,
  '\n  query Roles {\n    roles {\n      id\n      code\n      name\n      nameZh\n      builtIn\n      permissions\n      version\n    }\n  }\n':
    types.RolesDocument,
  '\n  query PermissionCatalogue {\n    permissionCatalogue {\n      area\n      code\n    }\n  }\n':
    types.PermissionCatalogueDocument,
  '\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      code\n      version\n    }\n  }\n':
    types.CreateRoleDocument,
  '\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateRoleDocument,
  '\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n': types.DeleteRoleDocument,
  '\n  query PriceLists {\n    priceLists {\n      id\n      code\n      name\n      tierId\n      channelId\n      active\n      version\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n    }\n  }\n':
    types.PriceListsDocument,
  '\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) {\n      id\n      priceListId\n      skuId\n      rule\n      value\n      validFrom\n      validTo\n      createdBy\n      createdAt\n    }\n  }\n':
    types.PriceListItemsDocument,
  '\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      priceListId\n      rule\n      steps\n      belowCost\n    }\n  }\n':
    types.PriceQuoteDocument,
  '\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      total\n      items {\n        id\n        code\n        name\n        refSalePrice\n      }\n    }\n  }\n':
    types.PriceSkusDocument,
  '\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n':
    types.PriceCustomersDocument,
  '\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) {\n      id\n      code\n      version\n    }\n  }\n':
    types.SavePriceListDocument,
  '\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) {\n      id\n      skuId\n      validFrom\n      validTo\n    }\n  }\n':
    types.SetPriceListItemDocument,
  '\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        phone\n        ownerId\n        ownerName\n        creditLimit\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n        createdAt\n      }\n    }\n  }\n':
    types.CustomersDocument,
  '\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      code\n      name\n      phone\n      email\n      address\n      birthday\n      preferences\n      ownerId\n      ownerName\n      creditLimit\n      paymentTermsDays\n      memo\n      version\n      tierFixed\n      tierReason\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n      serviceRecords {\n        id\n        kind\n        content\n        resolved\n        userName\n        at\n      }\n      contacts {\n        id\n        name\n        title\n        phone\n        email\n        primary\n      }\n      addresses {\n        id\n        label\n        receiver\n        phone\n        address\n        isDefault\n      }\n    }\n  }\n':
    types.CustomerDocument,
  '\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) {\n      id\n    }\n  }\n':
    types.SaveCustomerContactDocument,
  '\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) {\n      id\n    }\n  }\n':
    types.SaveCustomerAddressDocument,
  '\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n':
    types.DeleteCustomerContactDocument,
  '\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n':
    types.DeleteCustomerAddressDocument,
  '\n  query SalesOptions {\n    customerTiers {\n      id\n      code\n      name\n      rank\n      minAmount\n      minOrders\n      maxRecencyDays\n      version\n    }\n    salesChannels {\n      id\n      code\n      name\n      kind\n      platform\n      active\n      version\n    }\n  }\n':
    types.SalesOptionsDocument,
  '\n  query SalesOwners {\n    users(page: { limit: 200 }) {\n      items {\n        id\n        username\n        displayName\n      }\n    }\n  }\n':
    types.SalesOwnersDocument,
  '\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      code\n    }\n  }\n':
    types.CreateCustomerDocument,
  '\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateCustomerDocument,
  '\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) {\n      id\n    }\n  }\n':
    types.AddServiceRecordDocument,
  '\n  mutation RecomputeTiers {\n    recomputeCustomerTiers {\n      asOf\n      customers\n      changed\n      fixed\n    }\n  }\n':
    types.RecomputeTiersDocument,
  '\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) {\n      id\n    }\n  }\n':
    types.SaveChannelDocument,
  '\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId\n      customerCode\n      customerName\n      invoiced\n      credited\n      paid\n      balance\n      age0to30\n      age31to60\n      age61to90\n      ageOver90\n      overdue\n      openInvoices\n    }\n  }\n':
    types.CustomerReceivablesDocument,
  '\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) {\n      invoiceId\n      number\n      orderId\n      orderNumber\n      invoiceDate\n      dueDate\n      total\n      settled\n      open\n      overdue\n    }\n  }\n':
    types.ReceivableInvoicesDocument,
  '\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items {\n        id\n        receivedOn\n        amount\n        reference\n        createdAt\n      }\n    }\n  }\n':
    types.ReceivablePaymentsDocument,
  '\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) {\n      id\n      customerId\n      amount\n      receivedOn\n      reference\n    }\n  }\n':
    types.RecordCustomerPaymentDocument,
  '\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from\n      to\n      revenue\n      cogs\n      margin\n      rows {\n        channelId\n        channelCode\n        channelName\n        storeId\n        storeName\n        orders\n        revenue\n        cogs\n        margin\n      }\n      days {\n        day\n        channelCode\n        revenue\n        margin\n      }\n    }\n  }\n':
    types.SalesOverviewReportDocument,
  '\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) {\n      month\n      orders\n      amount\n    }\n  }\n':
    types.CustomerSalesHistoryDocument,
  '\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items {\n        id\n        number\n        orderDate\n        status\n        total\n      }\n    }\n  }\n':
    types.CustomerOrdersDocument,
  '\n  query ExportCustomerReceivables($asOf: String, $xlsx: Boolean) {\n    exportCustomerReceivables(asOf: $asOf, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n':
    types.ExportCustomerReceivablesDocument,
  '\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        customerId\n        customerCode\n        customerName\n        channelName\n        storeName\n        warehouseId\n        ownerName\n        total\n        cogs\n        margin\n        createdAt\n      }\n    }\n  }\n':
    types.SalesOrdersDocument,
  '\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      availableActions\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      approvalReason\n      approvalNote\n      approvalRequestedByName\n      approvalRequestedAt\n      rejectionNote\n      priceDecidedByName\n      lines {\n        id\n        lineNo\n        skuId\n        skuCode\n        skuName\n        qty\n        quotedPrice\n        unitPrice\n        priceRule\n        priceSteps\n        priceChanged\n        belowCost\n        unitCost\n        expectedMargin\n        amount\n        reservedQty\n        shippedQty\n        returnedQty\n        invoicedQty\n        cogs\n        margin\n      }\n      shipments {\n        id\n        number\n        businessDate\n        lines {\n          id\n          orderLineId\n          skuId\n          skuCode\n          skuName\n          qty\n          amount\n          cogs\n          returnedQty\n          picks {\n            binCode\n            batchNo\n            expiryDate\n            qty\n          }\n        }\n      }\n      returns {\n        id\n        number\n        businessDate\n        reason\n        resolution\n        note\n        credit\n        replacementOrderId\n        lines {\n          id\n          skuCode\n          skuName\n          qty\n          disposition\n          amount\n          restockedCost\n        }\n      }\n      invoices {\n        id\n        number\n        invoiceDate\n        dueDate\n        total\n        settled\n      }\n    }\n  }\n':
    types.SalesOrderDocument,
  '\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) {\n      id\n      number\n    }\n  }\n':
    types.CreateSalesOrderDocument,
  '\n  mutation ConfirmSalesOrder($id: ID!, $note: String) {\n    confirmSalesOrder(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.ConfirmSalesOrderDocument,
  '\n  mutation ApproveSalesOrderPrices($id: ID!) {\n    approveSalesOrderPrices(id: $id) {\n      id\n      status\n    }\n  }\n':
    types.ApproveSalesOrderPricesDocument,
  '\n  mutation RejectSalesOrderPrices($id: ID!, $note: String!) {\n    rejectSalesOrderPrices(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.RejectSalesOrderPricesDocument,
  '\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n':
    types.CancelSalesOrderDocument,
  '\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n':
    types.CloseSalesOrderDocument,
  '\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n':
    types.ShipSalesOrderDocument,
  '\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      credit\n      replacementOrderId\n    }\n  }\n':
    types.ReturnSalesGoodsDocument,
  '\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) {\n      id\n      number\n      total\n    }\n  }\n':
    types.CreateSalesInvoiceDocument,
  '\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n':
    types.ExportSalesOrdersDocument,
  '\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) {\n      items {\n        id\n        code\n        name\n        channelId\n        address\n        creditLimit\n        tier {\n          name\n        }\n        addresses {\n          id\n          label\n          receiver\n          phone\n          address\n          isDefault\n        }\n      }\n    }\n  }\n':
    types.OrderCustomersDocument,
  '\n  query OrderChannels {\n    salesChannels {\n      id\n      code\n      name\n      active\n    }\n    salesStores {\n      id\n      channelId\n      code\n      name\n      active\n    }\n  }\n':
    types.OrderChannelsDocument,
  '\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) {\n      skuId\n      onHand\n      reserved\n      available\n    }\n  }\n':
    types.LineAvailabilityDocument,
  '\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      rule\n      steps\n      belowCost\n    }\n  }\n':
    types.LinePriceDocument,
  '\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        kind\n        active\n        allowNegative\n        version\n      }\n    }\n  }\n':
    types.WarehousesDocument,
  '\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.CreateWarehouseDocument,
  '\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateWarehouseDocument,
  '\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) {\n      id\n      code\n      name\n      active\n    }\n    zones(warehouseId: $id) {\n      id\n      code\n      name\n      storageCondition\n      version\n    }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        zoneId\n        active\n        version\n      }\n    }\n  }\n':
    types.WarehouseLocationsDocument,
  '\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.CreateZoneDocument,
  '\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateZoneDocument,
  '\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.CreateBinDocument,
  '\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) {\n      id\n      version\n    }\n  }\n':
    types.UpdateBinDocument,
  '\n  query CompanySettings {\n    companySettings {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n':
    types.CompanySettingsDocument,
  '\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n':
    types.UpdateCompanySettingsDocument,
  '\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n':
    types.UsersDocument,
  '\n  query UserFormOptions {\n    roles {\n      id\n      code\n      name\n      nameZh\n    }\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n':
    types.UserFormOptionsDocument,
  '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      version\n    }\n  }\n':
    types.CreateUserDocument,
  '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      active\n      version\n    }\n  }\n':
    types.UpdateUserDocument,
  '\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) {\n      id\n      version\n      mustChangePassword\n    }\n  }\n':
    types.ResetUserPasswordDocument,
  '\n  query ExportUsers {\n    exportUsers {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n':
    types.ExportUsersDocument,
  '\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n':
    types.MeDocument,
  '\n  mutation Logout {\n    logout\n  }\n': types.LogoutDocument,
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
export function graphql(
  source: '\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        at\n        username\n        roles\n        action\n        entityType\n        entityId\n        address\n        requestId\n        before\n        after\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        at\n        username\n        roles\n        action\n        entityType\n        entityId\n        address\n        requestId\n        before\n        after\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) {\n      key\n      count\n    }\n  }\n',
): (typeof documents)['\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) {\n      key\n      count\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n',
): (typeof documents)['\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription AuditLogged {\n    auditLogged {\n      id\n      at\n      username\n      action\n    }\n  }\n',
): (typeof documents)['\n  subscription AuditLogged {\n    auditLogged {\n      id\n      at\n      username\n      action\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        username\n        mustChangePassword\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        username\n        mustChangePassword\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CatalogOptions {\n    categories {\n      id\n      code\n      name\n      parentId\n      path\n      version\n    }\n    brands {\n      id\n      name\n      version\n    }\n  }\n',
): (typeof documents)['\n  query CatalogOptions {\n    categories {\n      id\n      code\n      name\n      parentId\n      path\n      version\n    }\n    brands {\n      id\n      name\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category {\n          id\n          name\n        }\n        brand {\n          id\n          name\n        }\n        skus {\n          id\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Products($filter: ProductFilter, $sort: ProductSort, $page: PageInput) {\n    products(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        baseUnit\n        active\n        batchTracked\n        serialTracked\n        category {\n          id\n          name\n        }\n        brand {\n          id\n          name\n        }\n        skus {\n          id\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units {\n        id\n        name\n        factor\n      }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes {\n          name\n          value\n        }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      code\n      name\n      categoryId\n      brandId\n      baseUnit\n      unitScale\n      shelfLifeDays\n      storageCondition\n      batchTracked\n      serialTracked\n      attributeNames\n      active\n      version\n      units {\n        id\n        name\n        factor\n      }\n      skus {\n        id\n        code\n        name\n        active\n        barcodes\n        attributes {\n          name\n          value\n        }\n        refPurchasePrice\n        refSalePrice\n        version\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n',
): (typeof documents)['\n  query ExportProducts($filter: ProductFilter) {\n    exportProducts(filter: $filter) {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ProductImportTemplate {\n    productImportTemplate {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n',
): (typeof documents)['\n  query ProductImportTemplate {\n    productImportTemplate {\n      filename\n      contentType\n      encoding\n      content\n      columns\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows {\n        row\n        errors {\n          column\n          message\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ImportProducts($fileBase64: String!, $dryRun: Boolean) {\n    importProducts(fileBase64: $fileBase64, dryRun: $dryRun) {\n      ok\n      dryRun\n      rowCount\n      created\n      updated\n      skusCreated\n      skusUpdated\n      brandsCreated\n      rows {\n        row\n        errors {\n          column\n          message\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateCategory($input: CreateCategoryInput!) {\n    createCategory(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateCategory($input: UpdateCategoryInput!) {\n    updateCategory(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) {\n      id\n      parentId\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation MoveCategory($id: ID!, $parentId: ID, $version: Int!) {\n    moveCategory(id: $id, parentId: $parentId, version: $version) {\n      id\n      parentId\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateBrand($input: CreateBrandInput!) {\n    createBrand(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateBrand($input: UpdateBrandInput!) {\n    updateBrand(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n',
): (typeof documents)['\n  query InventoryWarehouses {\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query InventoryCategories {\n    categories {\n      id\n      name\n      parentId\n    }\n  }\n',
): (typeof documents)['\n  query InventoryCategories {\n    categories {\n      id\n      name\n      parentId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        warehouseId\n        warehouseCode\n        skuId\n        skuCode\n        skuName\n        baseUnit\n        onHand\n        reserved\n        available\n        unitCost\n        value\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StockLevels($filter: StockLevelFilter, $sort: StockLevelSort, $page: PageInput) {\n    stockLevels(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        warehouseId\n        warehouseCode\n        skuId\n        skuCode\n        skuName\n        baseUnit\n        onHand\n        reserved\n        available\n        unitCost\n        value\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) {\n      filename\n      contentType\n      content\n      encoding\n      columns\n    }\n  }\n',
): (typeof documents)['\n  query ExportStockLevels($filter: StockLevelFilter) {\n    exportStockLevels(filter: $filter) {\n      filename\n      contentType\n      content\n      encoding\n      columns\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) {\n      batchId\n      batchNo\n      binCode\n      binId\n      expiryDate\n      qty\n      reserved\n      warehouseId\n    }\n  }\n',
): (typeof documents)['\n  query BinBalances($skuId: ID!, $warehouseId: ID!) {\n    binBalances(skuId: $skuId, warehouseId: $warehouseId) {\n      batchId\n      batchNo\n      binCode\n      binId\n      expiryDate\n      qty\n      reserved\n      warehouseId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows {\n        businessDate\n        documentId\n        documentNumber\n        documentType\n        kind\n        qty\n        unitCost\n        value\n        balanceQty\n        balanceValue\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StockCard($warehouseId: ID!, $skuId: ID!, $from: String, $to: String) {\n    stockCard(warehouseId: $warehouseId, skuId: $skuId, from: $from, to: $to) {\n      skuId\n      warehouseId\n      openingQty\n      openingValue\n      closingQty\n      closingValue\n      rows {\n        businessDate\n        documentId\n        documentNumber\n        documentType\n        kind\n        qty\n        unitCost\n        value\n        balanceQty\n        balanceValue\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) {\n      items {\n        skuId\n        skuCode\n        skuName\n        baseUnit\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StockCardSku($skuId: ID!) {\n    stockLevels(filter: { skuId: $skuId, includeZero: true }, page: { limit: 1 }) {\n      items {\n        skuId\n        skuCode\n        skuName\n        baseUnit\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) {\n      key\n      label\n      qty\n      value\n    }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) {\n      key\n      label\n      qty\n      value\n    }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) {\n      key\n      label\n      qty\n      value\n    }\n  }\n',
): (typeof documents)['\n  query Valuation($date: String!) {\n    byWarehouse: valuation(date: $date, groupBy: WAREHOUSE) {\n      key\n      label\n      qty\n      value\n    }\n    byCategory: valuation(date: $date, groupBy: CATEGORY) {\n      key\n      label\n      qty\n      value\n    }\n    topSkus: valuation(date: $date, groupBy: SKU, top: 20) {\n      key\n      label\n      qty\n      value\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n',
): (typeof documents)['\n  query CostOfGoodsIssued($from: String!, $to: String!, $groupBy: ValuationGroup!, $warehouseId: ID) {\n    costOfGoodsIssued(from: $from, to: $to, groupBy: $groupBy, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        type\n        status\n        warehouseId\n        toWarehouseId\n        businessDate\n        memo\n        createdAt\n        postedAt\n        receivedAt\n        cancelledAt\n        version\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StockDocuments($filter: StockDocumentFilter, $page: PageInput) {\n    stockDocuments(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        type\n        status\n        warehouseId\n        toWarehouseId\n        businessDate\n        memo\n        createdAt\n        postedAt\n        receivedAt\n        cancelledAt\n        version\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      number\n      type\n      status\n      warehouseId\n      toWarehouseId\n      businessDate\n      memo\n      createdAt\n      postedAt\n      receivedAt\n      cancelledAt\n      version\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        unit\n        unitFactor\n        baseQty\n        unitCost\n        value\n        binId\n        toBinId\n        batchNo\n        expiryDate\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StockDocument($id: ID!) {\n    stockDocument(id: $id) {\n      id\n      number\n      type\n      status\n      warehouseId\n      toWarehouseId\n      businessDate\n      memo\n      createdAt\n      postedAt\n      receivedAt\n      cancelledAt\n      version\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        unit\n        unitFactor\n        baseQty\n        unitCost\n        value\n        binId\n        toBinId\n        batchNo\n        expiryDate\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        baseUnit\n        unitScale\n        barcodes\n        units {\n          name\n          factor\n        }\n        product {\n          batchTracked\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query DocumentSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        baseUnit\n        unitScale\n        barcodes\n        units {\n          name\n          factor\n        }\n        product {\n          batchTracked\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) {\n      id\n      code\n      name\n      baseUnit\n      unitScale\n      barcodes\n      units {\n        name\n        factor\n      }\n      product {\n        batchTracked\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SkuByBarcode($barcode: String!) {\n    skuByBarcode(barcode: $barcode) {\n      id\n      code\n      name\n      baseUnit\n      unitScale\n      barcodes\n      units {\n        name\n        factor\n      }\n      product {\n        batchTracked\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) {\n      items {\n        id\n        code\n      }\n    }\n  }\n',
): (typeof documents)['\n  query DocumentBins($warehouseId: ID!) {\n    bins(warehouseId: $warehouseId, active: true, page: { limit: 200 }) {\n      items {\n        id\n        code\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PrintCompany {\n    companyName\n  }\n',
): (typeof documents)['\n  query PrintCompany {\n    companyName\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateStockDocument($input: CreateStockDocumentInput!) {\n    createStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateStockDocument($input: UpdateStockDocumentInput!) {\n    updateStockDocument(input: $input) {\n      id\n      version\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteStockDocument($id: ID!) {\n    deleteStockDocument(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation PostStockDocument($id: ID!, $idempotencyKey: String) {\n    postStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) {\n      id\n      number\n      status\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation ReceiveTransfer($id: ID!, $idempotencyKey: String, $receivedOn: String) {\n    receiveTransfer(id: $id, idempotencyKey: $idempotencyKey, receivedOn: $receivedOn) {\n      id\n      number\n      status\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CancelStockDocument($id: ID!, $idempotencyKey: String) {\n    cancelStockDocument(id: $id, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      status\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n',
): (typeof documents)['\n  query ValuationSkus($date: String!, $warehouseId: ID) {\n    valuation(date: $date, groupBy: SKU, warehouseId: $warehouseId) {\n      key\n      label\n      qty\n      value\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole {\n        key\n        count\n      }\n      activeSessions\n      loginsByDay {\n        day\n        count\n      }\n      failedLoginsByDay {\n        day\n        count\n      }\n      changesByDay {\n        day\n        count\n      }\n      warehouses\n    }\n  }\n',
): (typeof documents)['\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole {\n        key\n        count\n      }\n      activeSessions\n      loginsByDay {\n        day\n        count\n      }\n      failedLoginsByDay {\n        day\n        count\n      }\n      changesByDay {\n        day\n        count\n      }\n      warehouses\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        status\n        blockedReason\n        reducedShare\n        contactPerson\n        phone\n        leadTimeDays\n        paymentTermsDays\n        createdAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Suppliers($filter: SupplierFilter, $page: PageInput) {\n    suppliers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        status\n        blockedReason\n        reducedShare\n        contactPerson\n        phone\n        leadTimeDays\n        paymentTermsDays\n        createdAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) {\n      id\n      code\n      name\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateSupplier($input: CreateSupplierInput!) {\n    createSupplier(input: $input) {\n      id\n      code\n      name\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        expectedDate\n        warehouseId\n        total\n        memo\n        createdAt\n        supplier {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {\n    purchaseOrders(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        expectedDate\n        warehouseId\n        total\n        memo\n        createdAt\n        supplier {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      availableActions\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier {\n        id\n        code\n        name\n        status\n        blockedReason\n      }\n      pendingApproval {\n        level\n        minAmount\n        roleCodes\n      }\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        price\n        agreedPrice\n        priceDeviates\n        amount\n        receivedQty\n        rejectedQty\n      }\n      approvals {\n        id\n        level\n        round\n        decision\n        comment\n        userName\n        roleCode\n        at\n        day\n      }\n      receipts {\n        id\n        number\n        businessDate\n        postedAt\n        lines {\n          id\n          orderLineId\n          skuId\n          acceptedQty\n          rejectedQty\n          rejectReason\n          unitCost\n          value\n          returnedQty\n          invoicedQty\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PurchaseOrder($id: ID!) {\n    purchaseOrder(id: $id) {\n      id\n      number\n      status\n      availableActions\n      orderDate\n      expectedDate\n      warehouseId\n      supplierId\n      createdBy\n      total\n      memo\n      version\n      supplier {\n        id\n        code\n        name\n        status\n        blockedReason\n      }\n      pendingApproval {\n        level\n        minAmount\n        roleCodes\n      }\n      lines {\n        id\n        lineNo\n        skuId\n        qty\n        price\n        agreedPrice\n        priceDeviates\n        amount\n        receivedQty\n        rejectedQty\n      }\n      approvals {\n        id\n        level\n        round\n        decision\n        comment\n        userName\n        roleCode\n        at\n        day\n      }\n      receipts {\n        id\n        number\n        businessDate\n        postedAt\n        lines {\n          id\n          orderLineId\n          skuId\n          acceptedQty\n          rejectedQty\n          rejectReason\n          unitCost\n          value\n          returnedQty\n          invoicedQty\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {\n    createPurchaseOrder(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) {\n      id\n      status\n      number\n    }\n  }\n',
): (typeof documents)['\n  mutation SubmitPurchaseOrder($id: ID!) {\n    submitPurchaseOrder(id: $id) {\n      id\n      status\n      number\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {\n    approvePurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {\n    rejectPurchaseOrder(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation CancelPurchaseOrder($id: ID!) {\n    cancelPurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n',
): (typeof documents)['\n  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {\n    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) {\n      supplierId\n      supplierCode\n      supplierName\n      invoiced\n      paid\n      open\n      overdue\n    }\n  }\n',
): (typeof documents)['\n  query Payables($supplierId: ID) {\n    payables(supplierId: $supplierId) {\n      supplierId\n      supplierCode\n      supplierName\n      invoiced\n      paid\n      open\n      overdue\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      status\n      contactPerson\n      phone\n      email\n      address\n      paymentTermsDays\n      leadTimeDays\n      memo\n      version\n      blockedReason\n      reducedShare\n      lastDeliveriesDaysLate\n      qualifications {\n        id\n        kind\n        number\n        expiresOn\n        required\n      }\n    }\n    supplierPrices(supplierId: $id) {\n      id\n      skuId\n      skuCode\n      skuName\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n    }\n    expiringQualifications(supplierId: $id, withinDays: 30) {\n      daysLeft\n      expired\n      qualification {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SupplierProfile($id: ID!) {\n    supplier(id: $id) {\n      id\n      code\n      name\n      status\n      contactPerson\n      phone\n      email\n      address\n      paymentTermsDays\n      leadTimeDays\n      memo\n      version\n      blockedReason\n      reducedShare\n      lastDeliveriesDaysLate\n      qualifications {\n        id\n        kind\n        number\n        expiresOn\n        required\n      }\n    }\n    supplierPrices(supplierId: $id) {\n      id\n      skuId\n      skuCode\n      skuName\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n    }\n    expiringQualifications(supplierId: $id, withinDays: 30) {\n      daysLeft\n      expired\n      qualification {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) {\n      id\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n      createdAt\n    }\n  }\n',
): (typeof documents)['\n  query SupplierPriceHistory($supplierId: ID!, $skuId: ID!) {\n    supplierPriceHistory(supplierId: $supplierId, skuId: $skuId) {\n      id\n      price\n      validFrom\n      validTo\n      minOrderQty\n      packSize\n      createdAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) {\n      id\n      status\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateSupplier($input: UpdateSupplierInput!) {\n    updateSupplier(input: $input) {\n      id\n      status\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation AddQualification($input: AddQualificationInput!) {\n    addSupplierQualification(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation AddSupplierPrice($input: AddSupplierPriceInput!) {\n    addSupplierPrice(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId\n      period\n      deliveries\n      onTime\n      onTimeRate\n      averageDaysLate\n      received\n      rejected\n      rejectRate\n      paidAmount\n      agreedAmount\n      priceDeviationPct\n    }\n  }\n',
): (typeof documents)['\n  query SupplierScorecards($supplierId: ID, $from: String, $to: String, $bucket: ScoreBucket) {\n    supplierScorecards(supplierId: $supplierId, from: $from, to: $to, bucket: $bucket) {\n      supplierId\n      period\n      deliveries\n      onTime\n      onTimeRate\n      averageDaysLate\n      received\n      rejected\n      rejectRate\n      paidAmount\n      agreedAmount\n      priceDeviationPct\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId\n      receiptNumber\n      orderId\n      orderNumber\n      receivedOn\n      expectedOn\n      daysLate\n      accepted\n      rejected\n      paidAmount\n      agreedAmount\n    }\n  }\n',
): (typeof documents)['\n  query SupplierDeliveries($supplierId: ID!, $from: String, $to: String) {\n    supplierDeliveries(supplierId: $supplierId, from: $from, to: $to) {\n      receiptId\n      receiptNumber\n      orderId\n      orderNumber\n      receivedOn\n      expectedOn\n      daysLate\n      accepted\n      rejected\n      paidAmount\n      agreedAmount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId\n      skuCode\n      skuName\n      status\n      message\n      historyDays\n      averageDailyDemand\n      forecastMethod\n      forecastMethodFixed\n      forecastParams\n      forecastMae\n      safetyMethod\n      safetyStock\n      onHand\n      onOrder\n      reserved\n      leadTimeDays\n      reviewPeriodDays\n      packSize\n      minimumOrder\n      supplierId\n      supplierName\n      supplierReducedShare\n      suggested\n      steps {\n        label\n        formula\n        value\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Replenishment($warehouseId: ID!, $filter: ReplenishmentFilter) {\n    replenishmentSuggestions(warehouseId: $warehouseId, filter: $filter) {\n      skuId\n      skuCode\n      skuName\n      status\n      message\n      historyDays\n      averageDailyDemand\n      forecastMethod\n      forecastMethodFixed\n      forecastParams\n      forecastMae\n      safetyMethod\n      safetyStock\n      onHand\n      onOrder\n      reserved\n      leadTimeDays\n      reviewPeriodDays\n      packSize\n      minimumOrder\n      supplierId\n      supplierName\n      supplierReducedShare\n      suggested\n      steps {\n        label\n        formula\n        value\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history {\n        date\n        qty\n      }\n      weekly {\n        date\n        qty\n      }\n      forecast {\n        date\n        qty\n      }\n    }\n  }\n',
): (typeof documents)['\n  query DemandForecast($warehouseId: ID!, $skuId: ID!) {\n    demandForecast(warehouseId: $warehouseId, skuId: $skuId) {\n      history {\n        date\n        qty\n      }\n      weekly {\n        date\n        qty\n      }\n      forecast {\n        date\n        qty\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) {\n      id\n      supplier {\n        name\n      }\n      lines {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateOrdersFromSuggestions($warehouseId: ID!, $lines: [SuggestionOrderLine!]!) {\n    createPurchaseOrdersFromSuggestions(warehouseId: $warehouseId, lines: $lines) {\n      id\n      supplier {\n        name\n      }\n      lines {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n',
): (typeof documents)['\n  mutation ReturnToSupplier($input: PurchaseReturnInput!, $idempotencyKey: String) {\n    returnToSupplier(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) {\n      id\n      total\n      dueDate\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateSupplierInvoice($input: CreateSupplierInvoiceInput!) {\n    createSupplierInvoice(input: $input) {\n      id\n      total\n      dueDate\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) {\n      id\n      amount\n    }\n  }\n',
): (typeof documents)['\n  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {\n    recordSupplierPayment(input: $input) {\n      id\n      amount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ApprovalSteps {\n    purchaseApprovalSteps {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n',
): (typeof documents)['\n  query ApprovalSteps {\n    purchaseApprovalSteps {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveApprovalStep($input: ApprovalStepInput!) {\n    savePurchaseApprovalStep(input: $input) {\n      id\n      level\n      minAmount\n      roleCodes\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RoleOptionsForRules {\n    roleOptions {\n      code\n      name\n      nameZh\n    }\n  }\n',
): (typeof documents)['\n  query RoleOptionsForRules {\n    roleOptions {\n      code\n      name\n      nameZh\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) {\n      skuId\n      price\n      minOrderQty\n      packSize\n    }\n  }\n',
): (typeof documents)['\n  query AgreedPrices($supplierId: ID!, $at: String) {\n    supplierPrices(supplierId: $supplierId, at: $at) {\n      skuId\n      price\n      minOrderQty\n      packSize\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReplenishmentSettings {\n    replenishmentSettings {\n      id\n      skuId\n      categoryId\n      forecastMethod\n      safetyMethod\n      instabilityFactor\n      serviceLevel\n      reviewPeriodDays\n    }\n  }\n',
): (typeof documents)['\n  query ReplenishmentSettings {\n    replenishmentSettings {\n      id\n      skuId\n      categoryId\n      forecastMethod\n      safetyMethod\n      instabilityFactor\n      serviceLevel\n      reviewPeriodDays\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveReplenishmentSetting($input: ReplenishmentSettingInput!) {\n    saveReplenishmentSetting(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ClosePurchaseOrder($id: ID!) {\n    closePurchaseOrder(id: $id) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Roles {\n    roles {\n      id\n      code\n      name\n      nameZh\n      builtIn\n      permissions\n      version\n    }\n  }\n',
): (typeof documents)['\n  query Roles {\n    roles {\n      id\n      code\n      name\n      nameZh\n      builtIn\n      permissions\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PermissionCatalogue {\n    permissionCatalogue {\n      area\n      code\n    }\n  }\n',
): (typeof documents)['\n  query PermissionCatalogue {\n    permissionCatalogue {\n      area\n      code\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      code\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n      code\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceLists {\n    priceLists {\n      id\n      code\n      name\n      tierId\n      channelId\n      active\n      version\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PriceLists {\n    priceLists {\n      id\n      code\n      name\n      tierId\n      channelId\n      active\n      version\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) {\n      id\n      priceListId\n      skuId\n      rule\n      value\n      validFrom\n      validTo\n      createdBy\n      createdAt\n    }\n  }\n',
): (typeof documents)['\n  query PriceListItems($priceListId: ID!, $skuId: ID) {\n    priceListItems(priceListId: $priceListId, skuId: $skuId) {\n      id\n      priceListId\n      skuId\n      rule\n      value\n      validFrom\n      validTo\n      createdBy\n      createdAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      priceListId\n      rule\n      steps\n      belowCost\n    }\n  }\n',
): (typeof documents)['\n  query PriceQuote($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      priceListId\n      rule\n      steps\n      belowCost\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      total\n      items {\n        id\n        code\n        name\n        refSalePrice\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PriceSkus($filter: SkuFilter, $page: PageInput) {\n    skus(filter: $filter, page: $page) {\n      total\n      items {\n        id\n        code\n        name\n        refSalePrice\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PriceCustomers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      items {\n        id\n        code\n        name\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) {\n      id\n      code\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation SavePriceList($input: PriceListInput!) {\n    savePriceList(input: $input) {\n      id\n      code\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) {\n      id\n      skuId\n      validFrom\n      validTo\n    }\n  }\n',
): (typeof documents)['\n  mutation SetPriceListItem($input: PriceListItemInput!) {\n    setPriceListItem(input: $input) {\n      id\n      skuId\n      validFrom\n      validTo\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        phone\n        ownerId\n        ownerName\n        creditLimit\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n        createdAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Customers($filter: CustomerFilter, $page: PageInput) {\n    customers(filter: $filter, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        phone\n        ownerId\n        ownerName\n        creditLimit\n        tier {\n          id\n          code\n          name\n        }\n        channel {\n          id\n          code\n          name\n        }\n        createdAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      code\n      name\n      phone\n      email\n      address\n      birthday\n      preferences\n      ownerId\n      ownerName\n      creditLimit\n      paymentTermsDays\n      memo\n      version\n      tierFixed\n      tierReason\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n      serviceRecords {\n        id\n        kind\n        content\n        resolved\n        userName\n        at\n      }\n      contacts {\n        id\n        name\n        title\n        phone\n        email\n        primary\n      }\n      addresses {\n        id\n        label\n        receiver\n        phone\n        address\n        isDefault\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      code\n      name\n      phone\n      email\n      address\n      birthday\n      preferences\n      ownerId\n      ownerName\n      creditLimit\n      paymentTermsDays\n      memo\n      version\n      tierFixed\n      tierReason\n      tier {\n        id\n        code\n        name\n      }\n      channel {\n        id\n        code\n        name\n      }\n      serviceRecords {\n        id\n        kind\n        content\n        resolved\n        userName\n        at\n      }\n      contacts {\n        id\n        name\n        title\n        phone\n        email\n        primary\n      }\n      addresses {\n        id\n        label\n        receiver\n        phone\n        address\n        isDefault\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveCustomerContact($input: CustomerContactInput!) {\n    saveCustomerContact(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveCustomerAddress($input: CustomerAddressInput!) {\n    saveCustomerAddress(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteCustomerContact($id: ID!) {\n    deleteCustomerContact(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteCustomerAddress($id: ID!) {\n    deleteCustomerAddress(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SalesOptions {\n    customerTiers {\n      id\n      code\n      name\n      rank\n      minAmount\n      minOrders\n      maxRecencyDays\n      version\n    }\n    salesChannels {\n      id\n      code\n      name\n      kind\n      platform\n      active\n      version\n    }\n  }\n',
): (typeof documents)['\n  query SalesOptions {\n    customerTiers {\n      id\n      code\n      name\n      rank\n      minAmount\n      minOrders\n      maxRecencyDays\n      version\n    }\n    salesChannels {\n      id\n      code\n      name\n      kind\n      platform\n      active\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SalesOwners {\n    users(page: { limit: 200 }) {\n      items {\n        id\n        username\n        displayName\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SalesOwners {\n    users(page: { limit: 200 }) {\n      items {\n        id\n        username\n        displayName\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      code\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      code\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation AddServiceRecord($input: ServiceRecordInput!) {\n    addCustomerServiceRecord(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RecomputeTiers {\n    recomputeCustomerTiers {\n      asOf\n      customers\n      changed\n      fixed\n    }\n  }\n',
): (typeof documents)['\n  mutation RecomputeTiers {\n    recomputeCustomerTiers {\n      asOf\n      customers\n      changed\n      fixed\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveChannel($input: ChannelInput!) {\n    saveSalesChannel(input: $input) {\n      id\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId\n      customerCode\n      customerName\n      invoiced\n      credited\n      paid\n      balance\n      age0to30\n      age31to60\n      age61to90\n      ageOver90\n      overdue\n      openInvoices\n    }\n  }\n',
): (typeof documents)['\n  query CustomerReceivables($asOf: String, $customerId: ID) {\n    customerReceivables(asOf: $asOf, customerId: $customerId) {\n      customerId\n      customerCode\n      customerName\n      invoiced\n      credited\n      paid\n      balance\n      age0to30\n      age31to60\n      age61to90\n      ageOver90\n      overdue\n      openInvoices\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) {\n      invoiceId\n      number\n      orderId\n      orderNumber\n      invoiceDate\n      dueDate\n      total\n      settled\n      open\n      overdue\n    }\n  }\n',
): (typeof documents)['\n  query ReceivableInvoices($customerId: ID!, $asOf: String) {\n    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) {\n      invoiceId\n      number\n      orderId\n      orderNumber\n      invoiceDate\n      dueDate\n      total\n      settled\n      open\n      overdue\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items {\n        id\n        receivedOn\n        amount\n        reference\n        createdAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ReceivablePayments($customerId: ID!) {\n    customerPayments(customerId: $customerId, page: { limit: 200 }) {\n      total\n      items {\n        id\n        receivedOn\n        amount\n        reference\n        createdAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) {\n      id\n      customerId\n      amount\n      receivedOn\n      reference\n    }\n  }\n',
): (typeof documents)['\n  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {\n    recordCustomerPayment(input: $input) {\n      id\n      customerId\n      amount\n      receivedOn\n      reference\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from\n      to\n      revenue\n      cogs\n      margin\n      rows {\n        channelId\n        channelCode\n        channelName\n        storeId\n        storeName\n        orders\n        revenue\n        cogs\n        margin\n      }\n      days {\n        day\n        channelCode\n        revenue\n        margin\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SalesOverviewReport($from: String!, $to: String!) {\n    salesOverview(from: $from, to: $to) {\n      from\n      to\n      revenue\n      cogs\n      margin\n      rows {\n        channelId\n        channelCode\n        channelName\n        storeId\n        storeName\n        orders\n        revenue\n        cogs\n        margin\n      }\n      days {\n        day\n        channelCode\n        revenue\n        margin\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) {\n      month\n      orders\n      amount\n    }\n  }\n',
): (typeof documents)['\n  query CustomerSalesHistory($customerId: ID!, $months: Int) {\n    customerSalesHistory(customerId: $customerId, months: $months) {\n      month\n      orders\n      amount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items {\n        id\n        number\n        orderDate\n        status\n        total\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CustomerOrders($customerId: ID!) {\n    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {\n      total\n      items {\n        id\n        number\n        orderDate\n        status\n        total\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportCustomerReceivables($asOf: String, $xlsx: Boolean) {\n    exportCustomerReceivables(asOf: $asOf, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n',
): (typeof documents)['\n  query ExportCustomerReceivables($asOf: String, $xlsx: Boolean) {\n    exportCustomerReceivables(asOf: $asOf, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        customerId\n        customerCode\n        customerName\n        channelName\n        storeName\n        warehouseId\n        ownerName\n        total\n        cogs\n        margin\n        createdAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SalesOrders($filter: SalesOrderFilter, $page: PageInput, $sort: SalesOrderSort) {\n    salesOrders(filter: $filter, page: $page, sort: $sort) {\n      total\n      offset\n      limit\n      items {\n        id\n        number\n        status\n        orderDate\n        customerId\n        customerCode\n        customerName\n        channelName\n        storeName\n        warehouseId\n        ownerName\n        total\n        cogs\n        margin\n        createdAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      availableActions\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      approvalReason\n      approvalNote\n      approvalRequestedByName\n      approvalRequestedAt\n      rejectionNote\n      priceDecidedByName\n      lines {\n        id\n        lineNo\n        skuId\n        skuCode\n        skuName\n        qty\n        quotedPrice\n        unitPrice\n        priceRule\n        priceSteps\n        priceChanged\n        belowCost\n        unitCost\n        expectedMargin\n        amount\n        reservedQty\n        shippedQty\n        returnedQty\n        invoicedQty\n        cogs\n        margin\n      }\n      shipments {\n        id\n        number\n        businessDate\n        lines {\n          id\n          orderLineId\n          skuId\n          skuCode\n          skuName\n          qty\n          amount\n          cogs\n          returnedQty\n          picks {\n            binCode\n            batchNo\n            expiryDate\n            qty\n          }\n        }\n      }\n      returns {\n        id\n        number\n        businessDate\n        reason\n        resolution\n        note\n        credit\n        replacementOrderId\n        lines {\n          id\n          skuCode\n          skuName\n          qty\n          disposition\n          amount\n          restockedCost\n        }\n      }\n      invoices {\n        id\n        number\n        invoiceDate\n        dueDate\n        total\n        settled\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SalesOrder($id: ID!) {\n    salesOrder(id: $id) {\n      availableActions\n      id\n      number\n      status\n      orderDate\n      customerId\n      customerCode\n      customerName\n      channelId\n      channelName\n      storeName\n      warehouseId\n      warehouseName\n      ownerName\n      shipTo\n      memo\n      total\n      cogs\n      margin\n      version\n      exchangeOfReturnId\n      approvalReason\n      approvalNote\n      approvalRequestedByName\n      approvalRequestedAt\n      rejectionNote\n      priceDecidedByName\n      lines {\n        id\n        lineNo\n        skuId\n        skuCode\n        skuName\n        qty\n        quotedPrice\n        unitPrice\n        priceRule\n        priceSteps\n        priceChanged\n        belowCost\n        unitCost\n        expectedMargin\n        amount\n        reservedQty\n        shippedQty\n        returnedQty\n        invoicedQty\n        cogs\n        margin\n      }\n      shipments {\n        id\n        number\n        businessDate\n        lines {\n          id\n          orderLineId\n          skuId\n          skuCode\n          skuName\n          qty\n          amount\n          cogs\n          returnedQty\n          picks {\n            binCode\n            batchNo\n            expiryDate\n            qty\n          }\n        }\n      }\n      returns {\n        id\n        number\n        businessDate\n        reason\n        resolution\n        note\n        credit\n        replacementOrderId\n        lines {\n          id\n          skuCode\n          skuName\n          qty\n          disposition\n          amount\n          restockedCost\n        }\n      }\n      invoices {\n        id\n        number\n        invoiceDate\n        dueDate\n        total\n        settled\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) {\n      id\n      number\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {\n    createSalesOrder(input: $input) {\n      id\n      number\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConfirmSalesOrder($id: ID!, $note: String) {\n    confirmSalesOrder(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ConfirmSalesOrder($id: ID!, $note: String) {\n    confirmSalesOrder(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApproveSalesOrderPrices($id: ID!) {\n    approveSalesOrderPrices(id: $id) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ApproveSalesOrderPrices($id: ID!) {\n    approveSalesOrderPrices(id: $id) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RejectSalesOrderPrices($id: ID!, $note: String!) {\n    rejectSalesOrderPrices(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation RejectSalesOrderPrices($id: ID!, $note: String!) {\n    rejectSalesOrderPrices(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation CancelSalesOrder($id: ID!) {\n    cancelSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation CloseSalesOrder($id: ID!) {\n    closeSalesOrder(id: $id) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n',
): (typeof documents)['\n  mutation ShipSalesOrder($input: ShipSalesOrderInput!, $idempotencyKey: String) {\n    shipSalesOrder(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      credit\n      replacementOrderId\n    }\n  }\n',
): (typeof documents)['\n  mutation ReturnSalesGoods($input: SalesReturnInput!, $idempotencyKey: String) {\n    returnSalesGoods(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      number\n      credit\n      replacementOrderId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) {\n      id\n      number\n      total\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateSalesInvoice($input: CreateSalesInvoiceInput!) {\n    createSalesInvoice(input: $input) {\n      id\n      number\n      total\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n',
): (typeof documents)['\n  query ExportSalesOrders($filter: SalesOrderFilter, $xlsx: Boolean) {\n    exportSalesOrders(filter: $filter, xlsx: $xlsx) {\n      filename\n      contentType\n      content\n      encoding\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) {\n      items {\n        id\n        code\n        name\n        channelId\n        address\n        creditLimit\n        tier {\n          name\n        }\n        addresses {\n          id\n          label\n          receiver\n          phone\n          address\n          isDefault\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OrderCustomers($search: String) {\n    customers(filter: { search: $search }, page: { limit: 30 }) {\n      items {\n        id\n        code\n        name\n        channelId\n        address\n        creditLimit\n        tier {\n          name\n        }\n        addresses {\n          id\n          label\n          receiver\n          phone\n          address\n          isDefault\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OrderChannels {\n    salesChannels {\n      id\n      code\n      name\n      active\n    }\n    salesStores {\n      id\n      channelId\n      code\n      name\n      active\n    }\n  }\n',
): (typeof documents)['\n  query OrderChannels {\n    salesChannels {\n      id\n      code\n      name\n      active\n    }\n    salesStores {\n      id\n      channelId\n      code\n      name\n      active\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) {\n      skuId\n      onHand\n      reserved\n      available\n    }\n  }\n',
): (typeof documents)['\n  query LineAvailability($warehouseId: ID!, $skuIds: [ID!]!) {\n    skuAvailability(warehouseId: $warehouseId, skuIds: $skuIds) {\n      skuId\n      onHand\n      reserved\n      available\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      rule\n      steps\n      belowCost\n    }\n  }\n',
): (typeof documents)['\n  query LinePrice($input: PriceQuoteInput!) {\n    priceQuote(input: $input) {\n      unitPrice\n      rule\n      steps\n      belowCost\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        kind\n        active\n        allowNegative\n        version\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        name\n        kind\n        active\n        allowNegative\n        version\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) {\n      id\n      code\n      name\n      active\n    }\n    zones(warehouseId: $id) {\n      id\n      code\n      name\n      storageCondition\n      version\n    }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        zoneId\n        active\n        version\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {\n    warehouse(id: $id) {\n      id\n      code\n      name\n      active\n    }\n    zones(warehouseId: $id) {\n      id\n      code\n      name\n      storageCondition\n      version\n    }\n    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        code\n        zoneId\n        active\n        version\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateZone($input: CreateZoneInput!) {\n    createZone(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateZone($input: UpdateZoneInput!) {\n    updateZone(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateBin($input: CreateBinInput!) {\n    createBin(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) {\n      id\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateBin($input: UpdateBinInput!) {\n    updateBin(input: $input) {\n      id\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CompanySettings {\n    companySettings {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n',
): (typeof documents)['\n  query CompanySettings {\n    companySettings {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) {\n      id\n      companyName\n      currency\n      costingMethod\n      defaultTaxRate\n      defaultCreditLimit\n      closedThrough\n      numberPatterns\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UserFormOptions {\n    roles {\n      id\n      code\n      name\n      nameZh\n    }\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UserFormOptions {\n    roles {\n      id\n      code\n      name\n      nameZh\n    }\n    warehouses(page: { limit: 200 }) {\n      items {\n        id\n        code\n        name\n        active\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      active\n      version\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      active\n      version\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) {\n      id\n      version\n      mustChangePassword\n    }\n  }\n',
): (typeof documents)['\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) {\n      id\n      version\n      mustChangePassword\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExportUsers {\n    exportUsers {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n',
): (typeof documents)['\n  query ExportUsers {\n    exportUsers {\n      filename\n      contentType\n      content\n      columns\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles {\n          id\n          code\n          name\n          nameZh\n        }\n        warehouses {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Logout {\n    logout\n  }\n',
): (typeof documents)['\n  mutation Logout {\n    logout\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
