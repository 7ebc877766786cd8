import { graphql } from '@/gql';

export const SuppliersQuery = graphql(`
  query Suppliers($filter: SupplierFilter, $page: PageInput) {
    suppliers(filter: $filter, page: $page) {
      total
      offset
      limit
      items { id code name status blockedReason contactPerson phone leadTimeDays paymentTermsDays createdAt }
    }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) { id code name status }
  }
`);

export const PurchaseOrdersQuery = graphql(`
  query PurchaseOrders($filter: PurchaseOrderFilter, $page: PageInput) {
    purchaseOrders(filter: $filter, page: $page) {
      total
      offset
      limit
      items { id number status orderDate expectedDate warehouseId total memo createdAt supplier { id code name } }
    }
  }
`);

export const PurchaseOrderQuery = graphql(`
  query PurchaseOrder($id: ID!) {
    purchaseOrder(id: $id) {
      id
      number
      status
      orderDate
      expectedDate
      warehouseId
      supplierId
      createdBy
      total
      memo
      version
      supplier { id code name status blockedReason }
      pendingApproval { level minAmount roleCodes }
      lines { id lineNo skuId qty price agreedPrice priceDeviates amount receivedQty rejectedQty }
      approvals { id level round decision comment userName roleCode at }
      receipts { id number businessDate postedAt lines { id orderLineId acceptedQty rejectedQty rejectReason unitCost value } }
    }
  }
`);

export const CreatePurchaseOrderMutation = graphql(`
  mutation CreatePurchaseOrder($input: CreatePurchaseOrderInput!) {
    createPurchaseOrder(input: $input) { id }
  }
`);

export const SubmitPurchaseOrderMutation = graphql(`
  mutation SubmitPurchaseOrder($id: ID!) {
    submitPurchaseOrder(id: $id) { id status number }
  }
`);

export const ApprovePurchaseOrderMutation = graphql(`
  mutation ApprovePurchaseOrder($id: ID!, $comment: String) {
    approvePurchaseOrder(id: $id, comment: $comment) { id status }
  }
`);

export const RejectPurchaseOrderMutation = graphql(`
  mutation RejectPurchaseOrder($id: ID!, $comment: String!) {
    rejectPurchaseOrder(id: $id, comment: $comment) { id status }
  }
`);

export const CancelPurchaseOrderMutation = graphql(`
  mutation CancelPurchaseOrder($id: ID!) {
    cancelPurchaseOrder(id: $id) { id status }
  }
`);

export const ReceivePurchaseOrderMutation = graphql(`
  mutation ReceivePurchaseOrder($input: ReceivePurchaseOrderInput!, $idempotencyKey: String) {
    receivePurchaseOrder(input: $input, idempotencyKey: $idempotencyKey) { id number }
  }
`);

export const PayablesQuery = graphql(`
  query Payables($supplierId: ID) {
    payables(supplierId: $supplierId) { supplierId supplierCode supplierName invoiced paid open overdue }
  }
`);
