import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The documents that print, each with the fields an admin may leave out (keys the console knows). */
export enum PrintDocType {
  SALES_ORDER = 'sales_order',
  DELIVERY_NOTE = 'delivery_note',
  PURCHASE_RECEIPT = 'purchase_receipt',
  CUSTOMER_STATEMENT = 'customer_statement',
  SUPPLIER_STATEMENT = 'supplier_statement',
  STOCKTAKE = 'stocktake',
}
registerEnumType(PrintDocType, {
  name: 'PrintDocType',
  description: '销售订单, 送货单, 采购入库单, 客户对账单, 供应商对账单, 盘点表',
});

/**
 * The fields each document can print, header fields first, then the lines' columns. Prices and
 * amounts still follow the field rules: a field the reader may not see is not printed, whatever the
 * template says (the print view reads the document through the API).
 */
export const PRINT_FIELDS: Record<PrintDocType, string[]> = {
  [PrintDocType.SALES_ORDER]: [
    'orderDate',
    'customer',
    'channel',
    'warehouse',
    'owner',
    'shipTo',
    'skuCode',
    'skuName',
    'qty',
    'unitPrice',
    'amount',
    'total',
  ],
  [PrintDocType.DELIVERY_NOTE]: [
    'orderDate',
    'customer',
    'warehouse',
    'shipTo',
    'skuCode',
    'skuName',
    'qty',
    'shipped',
    'picks',
    'unitPrice',
    'amount',
    'total',
  ],
  [PrintDocType.PURCHASE_RECEIPT]: [
    'businessDate',
    'supplier',
    'warehouse',
    'order',
    'skuCode',
    'skuName',
    'accepted',
    'rejected',
    'batch',
    'unitPrice',
    'amount',
  ],
  [PrintDocType.CUSTOMER_STATEMENT]: [
    'party',
    'period',
    'opening',
    'date',
    'kind',
    'number',
    'debit',
    'credit',
    'balance',
    'closing',
  ],
  [PrintDocType.SUPPLIER_STATEMENT]: [
    'party',
    'period',
    'opening',
    'date',
    'kind',
    'number',
    'debit',
    'credit',
    'balance',
    'closing',
  ],
  [PrintDocType.STOCKTAKE]: [
    'warehouse',
    'businessDate',
    'kind',
    'bin',
    'skuCode',
    'skuName',
    'batch',
    'bookQty',
    'countedQty',
    'difference',
  ],
};

/** Per document type: what the printed page shows besides the document (one row each, the defaults until saved). */
@ObjectType({ description: 'A print template (打印模板) of a document type, editable by an admin.' })
@Entity('print_template')
@Unique('UQ_print_template_doc_type', ['docType'])
export class PrintTemplate {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => PrintDocType) @Column({ name: 'doc_type', type: 'varchar', length: 30 }) docType: PrintDocType;
  @Field({ description: 'Printed above the title (e.g. the company name and address); empty for the company name.' })
  @Column({ name: 'header_text', type: 'varchar', length: 500, default: '' })
  headerText: string;
  @Field({
    description:
      'An https URL, or an uploaded image as a data: URL (PNG, JPEG, GIF or WebP, at most 60,000 characters); empty for none.',
  })
  @Column({ name: 'logo', type: 'text' })
  logo: string;
  @Field(() => [String], { description: 'The fields printed, in the catalogue of the document type (printFields).' })
  @Column({ name: 'fields', type: 'simple-json' })
  fields: string[];
  @Field(() => [String], { description: 'Signature lines at the foot (经手人, 收货人 …).' })
  @Column({ name: 'signature_lines', type: 'simple-json' })
  signatureLines: string[];
  @Field({ description: 'Printed at the foot (terms, a note).' })
  @Column({ name: 'footer_text', type: 'varchar', length: 500, default: '' })
  footerText: string;
  @Field(() => Int, { description: '0 for a template never saved (the defaults).' })
  @Column({ type: 'int', default: 1 })
  version: number;
}
