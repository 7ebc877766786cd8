import { graphql } from '@/gql';

export const WorkbenchQuery = graphql(`
  query Workbench {
    workbench {
      sections
      today
      cards {
        section
        key
        kind
        value
        detail
        link
      }
      series {
        section
        key
        kind
        link
        points {
          key
          label
          value
          value2
        }
      }
    }
  }
`);
