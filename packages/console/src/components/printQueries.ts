import { graphql } from '@/gql';

export const PrintTemplateQuery = graphql(`
  query PrintTemplate($docType: PrintDocType!) {
    printTemplate(docType: $docType) {
      docType
      headerText
      logo
      fields
      signatureLines
      footerText
      version
    }
    companyName
  }
`);

export const PrintTemplatesQuery = graphql(`
  query PrintTemplates {
    printTemplates {
      docType
      headerText
      logo
      fields
      signatureLines
      footerText
      version
    }
  }
`);

export const SavePrintTemplateMutation = graphql(`
  mutation SavePrintTemplate($input: SavePrintTemplateInput!) {
    savePrintTemplate(input: $input) {
      docType
      headerText
      logo
      fields
      signatureLines
      footerText
      version
    }
  }
`);
