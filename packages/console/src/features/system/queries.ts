import { graphql } from '@/gql';

export const CompanySettingsQuery = graphql(`
  query CompanySettings {
    companySettings {
      id
      companyName
      currency
      costingMethod
      defaultTaxRate
      defaultCreditLimit
      closedThrough
      numberPatterns
      expiryWarningDays
      storageRule
      unitCostPlaces
      version
    }
  }
`);

export const UpdateCompanySettingsMutation = graphql(`
  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {
    updateCompanySettings(input: $input) {
      id
      companyName
      currency
      costingMethod
      defaultTaxRate
      defaultCreditLimit
      closedThrough
      numberPatterns
      expiryWarningDays
      storageRule
      unitCostPlaces
      version
    }
  }
`);
