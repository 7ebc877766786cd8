import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, type FieldProblem } from '../../core/errors';
import type { AuditService } from '../audit';
import { PRINT_FIELDS, PrintDocType, PrintTemplate } from './print-template.entity';
import type { SavePrintTemplateInput } from './print-template.types';

/** The signature lines a document prints until an admin changes them. */
const DEFAULT_SIGNATURES: Record<PrintDocType, string[]> = {
  [PrintDocType.SALES_ORDER]: ['制单', '审核', '客户签字'],
  [PrintDocType.DELIVERY_NOTE]: ['发货人', '承运人', '收货人'],
  [PrintDocType.PURCHASE_RECEIPT]: ['收货人', '质检', '仓管'],
  [PrintDocType.CUSTOMER_STATEMENT]: ['制表', '客户确认（盖章）'],
  [PrintDocType.SUPPLIER_STATEMENT]: ['制表', '供应商确认（盖章）'],
  [PrintDocType.STOCKTAKE]: ['盘点人', '复盘人', '审核'],
};

export const MAX_LOGO_CHARS = 60_000;
const LOGO = /^(https?:\/\/[^\s"'<>]+|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+)$/;

function defaults(docType: PrintDocType): PrintTemplate {
  return Object.assign(new PrintTemplate(), {
    id: 0,
    docType,
    headerText: '',
    logo: '',
    fields: [...PRINT_FIELDS[docType]],
    signatureLines: [...DEFAULT_SIGNATURES[docType]],
    footerText: '',
    version: 0,
  });
}

/** 打印模板: one per document type, the defaults until an admin saves one. */
export class PrintTemplateService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(docType: PrintDocType): Promise<PrintTemplate> {
    return (await this.ds.manager.findOne(PrintTemplate, { where: { docType } })) ?? defaults(docType);
  }

  async all(): Promise<PrintTemplate[]> {
    const saved = new Map((await this.ds.manager.find(PrintTemplate)).map((t) => [t.docType, t]));
    return Object.values(PrintDocType).map((d) => saved.get(d) ?? defaults(d));
  }

  async save(ctx: Context, input: SavePrintTemplateInput): Promise<PrintTemplate> {
    const problems: FieldProblem[] = [];
    const known = PRINT_FIELDS[input.docType];
    const unknown = input.fields.filter((f) => !known.includes(f));
    if (unknown.length)
      problems.push({ field: 'fields', message: `Not a field of this document: ${unknown.join(', ')}.` });
    const logo = input.logo.trim();
    if (logo && (logo.length > MAX_LOGO_CHARS || !LOGO.test(logo)))
      problems.push({
        field: 'logo',
        message: `The logo must be an http(s) URL or a PNG, JPEG, GIF or WebP image of at most ${MAX_LOGO_CHARS} characters.`,
      });
    const lines = input.signatureLines.map((s) => s.trim()).filter(Boolean);
    if (lines.length > 6 || lines.some((s) => s.length > 30))
      problems.push({ field: 'signatureLines', message: 'At most 6 signature lines of at most 30 characters.' });
    if (input.headerText.length > 500) problems.push({ field: 'headerText', message: 'At most 500 characters.' });
    if (input.footerText.length > 500) problems.push({ field: 'footerText', message: 'At most 500 characters.' });
    if (problems.length) throw badInput(problems);
    const fields = known.filter((f) => input.fields.includes(f));
    return inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(PrintTemplate, { where: { docType: input.docType } });
      if ((before?.version ?? 0) !== input.version) throw conflict(before?.version ?? 0);
      const values = {
        headerText: input.headerText,
        logo,
        fields,
        signatureLines: lines,
        footerText: input.footerText,
      };
      if (before) {
        const res = await tx
          .createQueryBuilder()
          .update(PrintTemplate)
          .set({ ...values, version: before.version + 1 })
          .where('id = :id AND version = :v', { id: before.id, v: before.version })
          .execute();
        if (!res.affected) throw conflict(before.version);
      } else {
        // two first saves at once: the unique doc type refuses the second, which retries as a stale version
        await tx.insert(PrintTemplate, { docType: input.docType, ...values, version: 1 });
      }
      const after = await tx.findOneOrFail(PrintTemplate, { where: { docType: input.docType } });
      const brief = (t: PrintTemplate | null) => t && { ...t, logo: t.logo ? `${t.logo.slice(0, 40)}…` : '' };
      await this.audit.record(tx, ctx, {
        action: 'printTemplate.save',
        entityType: 'PrintTemplate',
        entityId: after.id,
        before: brief(before),
        after: brief(after),
      });
      return after;
    });
  }
}
