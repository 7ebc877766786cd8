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
      job {
        id
        status
      }
    }
  }
`);

export const MyExportsQuery = graphql(`
  query MyExports {
    myExports {
      id
      list
      status
      total
      done
      filename
      errorCode
      createdAt
      expiresAt
    }
  }
`);

export const DownloadExportQuery = graphql(`
  query DownloadExport($id: ID!) {
    downloadExport(id: $id) {
      filename
      contentType
      content
      encoding
      columns
    }
  }
`);
