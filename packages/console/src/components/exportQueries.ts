import { graphql } from '@/gql';

export const ExportListMutation = graphql(`
  mutation ExportList($input: ListExportInput!) {
    exportList(input: $input) {
      rows
      file {
        filename
        contentType
        content
        encoding
        columns
      }
    }
  }
`);
