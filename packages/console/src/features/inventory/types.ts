export type { StockDocType, StockDocStatus, StockLineInput, StockDocumentQuery as StockDocQuery } from '@/gql/graphql';
