import { graphql } from '@/gql';

export const CloseChecklistQuery = graphql(`
  query CloseChecklist($through: String!) {
    closeChecklist(through: $through) {
      through
      closedThrough
      ready
      checks {
        key
        count
        ok
        link
      }
    }
  }
`);

export const CloseSettingsQuery = graphql(`
  query CloseSettings {
    companySettings {
      id
      closedThrough
      version
    }
  }
`);

export const CloseThroughMutation = graphql(`
  mutation CloseThrough($input: UpdateSettingsInput!) {
    updateCompanySettings(input: $input) {
      id
      closedThrough
      version
    }
  }
`);

export const ExportVouchersQuery = graphql(`
  query ExportVouchers($from: String!, $to: String!, $format: VoucherFormat!) {
    exportVouchers(from: $from, to: $to, format: $format) {
      filename
      contentType
      content
      encoding
    }
  }
`);

export const VoucherAccountsQuery = graphql(`
  query VoucherAccounts {
    voucherAccounts {
      key
      code
      name
      version
    }
  }
`);

export const SetVoucherAccountMutation = graphql(`
  mutation SetVoucherAccount($key: String!, $code: String!, $name: String!, $version: Int!) {
    setVoucherAccount(key: $key, code: $code, name: $name, version: $version) {
      key
      code
      name
      version
    }
  }
`);
