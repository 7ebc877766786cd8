import { graphql } from '@/gql';

export const CustomersQuery = graphql(`
  query Customers($filter: CustomerFilter, $page: PageInput) {
    customers(filter: $filter, page: $page) {
      total
      offset
      limit
      items {
        id
        code
        name
        phone
        ownerId
        ownerName
        creditLimit
        tier {
          id
          code
          name
        }
        channel {
          id
          code
          name
        }
        createdAt
      }
    }
  }
`);

export const CustomerQuery = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      id
      code
      name
      phone
      email
      address
      birthday
      preferredChannel
      preferences
      ownerId
      ownerName
      creditLimit
      paymentTermsDays
      memo
      version
      tierFixed
      tierReason
      tier {
        id
        code
        name
      }
      channel {
        id
        code
        name
      }
      serviceRecords {
        id
        kind
        content
        resolved
        userName
        at
      }
      contacts {
        id
        name
        title
        phone
        email
        primary
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
`);

export const SaveCustomerContactMutation = graphql(`
  mutation SaveCustomerContact($input: CustomerContactInput!) {
    saveCustomerContact(input: $input) {
      id
    }
  }
`);

export const SaveCustomerAddressMutation = graphql(`
  mutation SaveCustomerAddress($input: CustomerAddressInput!) {
    saveCustomerAddress(input: $input) {
      id
    }
  }
`);

export const DeleteCustomerContactMutation = graphql(`
  mutation DeleteCustomerContact($id: ID!) {
    deleteCustomerContact(id: $id)
  }
`);

export const DeleteCustomerAddressMutation = graphql(`
  mutation DeleteCustomerAddress($id: ID!) {
    deleteCustomerAddress(id: $id)
  }
`);

export const SalesOptionsQuery = graphql(`
  query SalesOptions {
    customerTiers {
      id
      code
      name
      rank
      minAmount
      minOrders
      maxRecencyDays
      version
    }
    salesChannels {
      id
      code
      name
      kind
      platform
      active
      version
    }
  }
`);

export const SalesOwnersQuery = graphql(`
  query SalesOwners {
    users(page: { limit: 200 }) {
      items {
        id
        username
        displayName
      }
    }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      code
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      id
      version
    }
  }
`);

export const AddServiceRecordMutation = graphql(`
  mutation AddServiceRecord($input: ServiceRecordInput!) {
    addCustomerServiceRecord(input: $input) {
      id
    }
  }
`);

export const RecomputeTiersMutation = graphql(`
  mutation RecomputeTiers {
    recomputeCustomerTiers {
      asOf
      customers
      changed
      fixed
    }
  }
`);

export const SaveChannelMutation = graphql(`
  mutation SaveChannel($input: ChannelInput!) {
    saveSalesChannel(input: $input) {
      id
    }
  }
`);
