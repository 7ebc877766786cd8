import { Field, ID, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { IdempotencyRecord } from './entities';

/** Which document each operation that takes an idempotency key produces. */
const PRODUCES: Record<string, string> = {
  createAndPostStockDocument: 'stock_document',
  postStockDocument: 'stock_document',
  receiveTransfer: 'stock_document',
  cancelStockDocument: 'stock_document',
  receivePurchaseOrder: 'purchase_receipt',
  returnToSupplier: 'purchase_return',
  shipSalesOrder: 'sales_shipment',
  returnSalesGoods: 'sales_return',
};

@ObjectType({ description: 'What a request under an idempotency key produced.' })
export class IdempotencyResult {
  @Field() key: string;
  @Field({ description: 'The mutation, e.g. createAndPostStockDocument or receivePurchaseOrder.' }) operation: string;
  @Field({
    description:
      'stock_document, purchase_receipt, purchase_return, sales_shipment or sales_return (the table the id is in).',
  })
  documentType: string;
  @Field(() => ID) documentId: string;
  @Field(() => String, { nullable: true, description: 'The document number.' }) number: string | null;
  @Field() createdAt: Date;
}

/**
 * The document a request under `key` produced, for the user who sent it (another user's key
 * tells nothing); null when the key was never used successfully, so sending the request again is safe.
 */
export async function lookupKey(ds: DataSource, userId: number, key: string): Promise<IdempotencyResult | null> {
  const rec = await ds.getRepository(IdempotencyRecord).findOne({ where: { key } });
  if (!rec || rec.userId !== userId) return null;
  const table = PRODUCES[rec.operation];
  const [row] = table ? await ds.query(`SELECT number FROM ${table} WHERE id = ?`, [Number(rec.resultId)]) : [];
  return {
    key: rec.key,
    operation: rec.operation,
    documentType: table ?? rec.operation,
    documentId: rec.resultId,
    number: row?.number ?? null,
    createdAt: rec.createdAt,
  };
}
