import { graphql } from '@/gql';

/** 应收账款, 销售概览 and a customer's purchase history (salesreports.*.json). */

export const CustomerReceivablesQuery = graphql(`
  query CustomerReceivables($asOf: String, $customerId: ID) {
    customerReceivables(asOf: $asOf, customerId: $customerId) {
      customerId
      customerCode
      customerName
      invoiced
      credited
      paid
      balance
      age0to30
      age31to60
      age61to90
      ageOver90
      overdue
      openInvoices
    }
  }
`);

export const ReceivableInvoicesQuery = graphql(`
  query ReceivableInvoices($customerId: ID!, $asOf: String) {
    customerInvoicesAsOf(customerId: $customerId, asOf: $asOf) {
      invoiceId
      number
      orderId
      orderNumber
      invoiceDate
      dueDate
      total
      settled
      open
      overdue
    }
  }
`);

export const ReceivablePaymentsQuery = graphql(`
  query ReceivablePayments($customerId: ID!) {
    customerPayments(customerId: $customerId, page: { limit: 200 }) {
      total
      items {
        id
        receivedOn
        amount
        reference
        createdAt
      }
    }
  }
`);

export const RecordCustomerPaymentMutation = graphql(`
  mutation RecordCustomerPayment($input: RecordCustomerPaymentInput!) {
    recordCustomerPayment(input: $input) {
      id
      customerId
      amount
      receivedOn
      reference
    }
  }
`);

export const SalesOverviewQuery = graphql(`
  query SalesOverviewReport($from: String!, $to: String!) {
    salesOverview(from: $from, to: $to) {
      from
      to
      revenue
      cogs
      margin
      rows {
        channelId
        channelCode
        channelName
        storeId
        storeName
        orders
        revenue
        cogs
        margin
      }
      days {
        day
        channelCode
        revenue
        margin
      }
    }
  }
`);

export const CustomerSalesHistoryQuery = graphql(`
  query CustomerSalesHistory($customerId: ID!, $months: Int) {
    customerSalesHistory(customerId: $customerId, months: $months) {
      month
      orders
      amount
    }
  }
`);

export const CustomerOrdersQuery = graphql(`
  query CustomerOrders($customerId: ID!) {
    salesOrders(filter: { customerId: $customerId }, page: { limit: 50 }, sort: NEWEST) {
      total
      items {
        id
        number
        orderDate
        status
        total
      }
    }
  }
`);
