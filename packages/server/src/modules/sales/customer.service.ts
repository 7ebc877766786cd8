import { Decimal } from 'decimal.js';
import { Brackets, In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../core/context';
import { addDays, now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, ErrorCode, forbidden, notFound, type FieldProblem } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import { tierFor, type CustomerFigures } from '../../domain/tiers';
import type { AuditService } from '../audit';
import { findUser } from '../auth';
import {
  Customer,
  CustomerAddress,
  CustomerContact,
  CustomerServiceRecord,
  CustomerTier,
  SalesChannel,
  SalesStore,
} from './customer.entity';
import type {
  ChannelInput,
  CreateCustomerInput,
  CustomerAddressInput,
  CustomerContactInput,
  CustomerFilter,
  ServiceRecordInput,
  StoreInput,
  TierInput,
  UpdateCustomerInput,
} from './customer.types';

/** Where the RFM figures come from: sales orders once they exist; until then every customer has none. */
export type FiguresSource = (
  tx: EntityManager,
  customerIds: number[],
  from: string,
  to: string,
) => Promise<CustomerFigures[]>;
const noOrdersYet: FiguresSource = async (_tx, ids) =>
  ids.map((customerId) => ({ customerId, lastOrderOn: null, orders: 0, amount: '0' }));

/** Tiers are taken over the last year. */
export const TIER_PERIOD_DAYS = 365;

const snapshot = (c: Customer) => ({
  code: c.code,
  name: c.name,
  ownerId: c.ownerId,
  channelId: c.channelId,
  tierId: c.tierId,
  tierFixed: c.tierFixed,
  creditLimit: c.creditLimit,
  phone: c.phone,
  email: c.email,
  address: c.address,
  birthday: c.birthday,
  preferredChannel: c.preferredChannel,
  preferences: c.preferences,
  paymentTermsDays: c.paymentTermsDays,
  memo: c.memo,
  version: c.version,
});

/**
 * 客户: profile, owner, channel, tier and credit limit, scoped to the salesperson who owns them
 * unless the user may see all customers (sales.customer.all). Another salesperson's customer is
 * "not found" — it is never admitted to exist.
 */
export class CustomerService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private figures: FiguresSource = noOrdersYet,
  ) {}

  /** Sales orders plug their figures in here. */
  useFigures(source: FiguresSource) {
    this.figures = source;
  }

  /** The owner condition every customer query carries for a scoped user. */
  scope<T extends object>(ctx: Context, qb: SelectQueryBuilder<T>, alias = 'c'): SelectQueryBuilder<T> {
    if (!can(ctx, P.SalesCustomerAll))
      qb.andWhere(`${alias}.owner_id = :scopeOwner`, { scopeOwner: ctx.user?.id ?? -1 });
    // an API client limited to some customers
    const only = ctx.user?.customerIds;
    if (only) qb.andWhere(`${alias}.id IN (:...scopeCustomers)`, { scopeCustomers: only.length ? only : [-1] });
    return qb;
  }

  async list(ctx: Context, filter?: CustomerFilter | null, page?: PageInput | null): Promise<Page<Customer>> {
    const { offset, limit } = clampPage(page);
    const qb = this.scope(ctx, this.ds.getRepository(Customer).createQueryBuilder('c'));
    if (filter?.search) {
      const s = `%${filter.search.toLowerCase()}%`;
      qb.andWhere(new Brackets((w) => w.where('LOWER(c.code) LIKE :s', { s }).orWhere('LOWER(c.name) LIKE :s', { s })));
    }
    if (filter?.tierId) qb.andWhere('c.tier_id = :tier', { tier: Number(filter.tierId) || -1 });
    if (filter?.channelId) qb.andWhere('c.channel_id = :ch', { ch: Number(filter.channelId) || -1 });
    if (filter?.ownerId) {
      if (!can(ctx, P.SalesCustomerAll))
        throw forbidden('You see only your own customers.', { fields: ['CustomerFilter.ownerId'] });
      qb.andWhere('c.owner_id = :owner', { owner: Number(filter.ownerId) || -1 });
    }
    qb.orderBy('c.code', 'ASC').addOrderBy('c.id', 'ASC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  async get(ctx: Context, id: string | number, tx: EntityManager = this.ds.manager): Promise<Customer> {
    const qb = this.scope(ctx, tx.getRepository(Customer).createQueryBuilder('c')).andWhere('c.id = :id', {
      id: Number(id) || -1,
    });
    const c = await qb.getOne();
    if (!c) throw notFound('This customer');
    return c;
  }

  /** The customers among these ids that exist, with their tier (promotions: coupons issued, carts priced). */
  async facts(tx: EntityManager, ids: number[]): Promise<Map<number, { tierId: number | null }>> {
    const rows = ids.length ? await tx.find(Customer, { where: { id: In(ids) } }) : [];
    return new Map(rows.map((c) => [c.id, { tierId: c.tierId }]));
  }

  private async checkRefs(
    tx: EntityManager,
    ctx: Context,
    input: { ownerId?: string | null; channelId?: string | null; tierId?: string | null; creditLimit?: string | null },
    problems: FieldProblem[],
  ) {
    if (
      input.channelId &&
      !(await tx.findOne(SalesChannel, { where: { id: Number(input.channelId) || -1, active: true } }))
    )
      problems.push({ field: 'channelId', message: 'Unknown channel.' });
    if (input.tierId && !(await tx.findOne(CustomerTier, { where: { id: Number(input.tierId) || -1 } })))
      problems.push({ field: 'tierId', message: 'Unknown tier.' });
    if (input.ownerId && !(await findUser(tx, Number(input.ownerId))))
      problems.push({ field: 'ownerId', message: 'Unknown user.' });
    if (input.creditLimit != null && !new Decimal(input.creditLimit).gte(0))
      problems.push({ field: 'creditLimit', message: 'The credit limit cannot be negative.' });
    if (input.ownerId && Number(input.ownerId) !== ctx.user!.id && !can(ctx, P.SalesCustomerAll))
      throw forbidden('Only someone who sees all customers may give a customer to another salesperson.');
  }

  async create(ctx: Context, input: CreateCustomerInput): Promise<Customer> {
    return inTransaction(this.ds, async (tx) => {
      const code = input.code.trim();
      const problems: FieldProblem[] = [];
      if (await tx.findOne(Customer, { where: { code } }))
        problems.push({ field: 'code', message: 'This customer code is taken.' });
      await this.checkRefs(tx, ctx, input, problems);
      if (problems.length) throw badInput(problems, 'The customer has problems; nothing was saved.');
      const c = await tx.save(
        tx.create(Customer, {
          code,
          name: input.name.trim(),
          phone: input.phone?.trim() ?? '',
          email: input.email?.trim() ?? '',
          address: input.address?.trim() ?? '',
          birthday: input.birthday ?? null,
          preferredChannel: input.preferredChannel ?? null,
          preferences: input.preferences ?? '',
          ownerId: input.ownerId ? Number(input.ownerId) : ctx.user!.id,
          channelId: input.channelId ? Number(input.channelId) : null,
          tierId: input.tierId ? Number(input.tierId) : await this.lowestTierId(tx),
          tierFixed: !!input.tierId,
          tierReason: null,
          creditLimit: input.creditLimit != null ? new Decimal(input.creditLimit).toFixed(2) : null,
          paymentTermsDays: input.paymentTermsDays ?? 30,
          memo: input.memo ?? '',
          createdAt: now(),
          version: 1,
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'customer.create',
        entityType: 'Customer',
        entityId: c.id,
        after: snapshot(c),
      });
      return c;
    });
  }

  async update(ctx: Context, input: UpdateCustomerInput): Promise<Customer> {
    return inTransaction(this.ds, async (tx) => {
      const before = await this.get(ctx, input.id, tx);
      const problems: FieldProblem[] = [];
      await this.checkRefs(tx, ctx, input, problems);
      if (problems.length) throw badInput(problems, 'The customer has problems; nothing was saved.');
      const patch: Partial<Customer> = { version: input.version + 1 };
      for (const k of ['name', 'phone', 'email', 'address', 'birthday', 'preferences', 'memo'] as const)
        if (input[k] != null) (patch as any)[k] = String(input[k]).trim();
      if (input.preferredChannel) patch.preferredChannel = input.preferredChannel;
      if (input.clearPreferredChannel) patch.preferredChannel = null;
      if (input.ownerId) patch.ownerId = Number(input.ownerId);
      if (input.channelId) patch.channelId = Number(input.channelId);
      if (input.tierId) Object.assign(patch, { tierId: Number(input.tierId), tierFixed: true, tierReason: null });
      if (input.tierFixed === false) patch.tierFixed = false;
      if (input.creditLimit != null) patch.creditLimit = new Decimal(input.creditLimit).toFixed(2);
      if (input.paymentTermsDays != null) patch.paymentTermsDays = input.paymentTermsDays;
      const res = await tx
        .createQueryBuilder()
        .update(Customer)
        .set(patch)
        .where('id = :id AND version = :v', { id: before.id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneByOrFail(Customer, { id: before.id });
      await this.audit.record(tx, ctx, {
        action: 'customer.update',
        entityType: 'Customer',
        entityId: after.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  async addServiceRecord(ctx: Context, input: ServiceRecordInput): Promise<CustomerServiceRecord> {
    return inTransaction(this.ds, async (tx) => {
      const c = await this.get(ctx, input.customerId, tx);
      const r = await tx.save(
        tx.create(CustomerServiceRecord, {
          customerId: c.id,
          kind: input.kind,
          content: input.content.trim(),
          resolved: false,
          userId: ctx.user!.id,
          userName: ctx.user!.displayName,
          at: now(),
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'customer.serviceRecord',
        entityType: 'Customer',
        entityId: c.id,
        after: { kind: r.kind, content: r.content },
      });
      return r;
    });
  }

  serviceRecords(customerIds: number[]) {
    return customerIds.length
      ? this.ds
          .getRepository(CustomerServiceRecord)
          .find({ where: { customerId: In(customerIds) }, order: { at: 'DESC', id: 'DESC' } })
      : Promise.resolve([]);
  }

  // ---------- contacts and addresses ----------

  contacts(customerIds: number[]) {
    return customerIds.length
      ? this.ds
          .getRepository(CustomerContact)
          .find({ where: { customerId: In(customerIds) }, order: { primary: 'DESC', id: 'ASC' } })
      : Promise.resolve([]);
  }

  addresses(customerIds: number[]) {
    return customerIds.length
      ? this.ds
          .getRepository(CustomerAddress)
          .find({ where: { customerId: In(customerIds) }, order: { isDefault: 'DESC', id: 'ASC' } })
      : Promise.resolve([]);
  }

  /** The address an order ships to by default: the default delivery address, else the main one. */
  async defaultShipTo(tx: EntityManager, c: Customer): Promise<string> {
    const a = await tx.findOne(CustomerAddress, {
      where: { customerId: c.id },
      order: { isDefault: 'DESC', id: 'ASC' },
    });
    return a ? formatAddress(a) : (c.address ?? '');
  }

  /** Adds (no id) or edits a contact; one primary contact per customer. */
  async saveContact(ctx: Context, input: CustomerContactInput): Promise<CustomerContact> {
    return inTransaction(this.ds, async (tx) => {
      const c = await this.get(ctx, input.customerId, tx);
      // on an edit a field left out keeps what is stored (someone who may not read phone numbers cannot wipe them)
      const before = input.id
        ? await tx.findOne(CustomerContact, { where: { id: Number(input.id) || -1, customerId: c.id } })
        : null;
      const keep = (v: string | null | undefined, old: string | null | undefined) =>
        v === undefined || v === null ? (old ?? '') : v.trim();
      const row = {
        customerId: c.id,
        name: input.name.trim(),
        title: keep(input.title, before?.title),
        phone: keep(input.phone, before?.phone),
        email: keep(input.email, before?.email),
        primary: !!input.primary,
      };
      const saved = await this.child(tx, CustomerContact, c.id, input.id, row);
      if (row.primary)
        await tx
          .createQueryBuilder()
          .update(CustomerContact)
          .set({ primary: false })
          .where('customer_id = :c AND id <> :id', { c: c.id, id: saved.id })
          .execute();
      await this.audit.record(tx, ctx, {
        action: 'customer.contact',
        entityType: 'Customer',
        entityId: c.id,
        after: row,
      });
      return tx.findOneByOrFail(CustomerContact, { id: saved.id });
    });
  }

  /** Adds (no id) or edits a delivery address; one default per customer. */
  async saveAddress(ctx: Context, input: CustomerAddressInput): Promise<CustomerAddress> {
    return inTransaction(this.ds, async (tx) => {
      const c = await this.get(ctx, input.customerId, tx);
      const first = !(await tx.count(CustomerAddress, { where: { customerId: c.id } }));
      const before = input.id
        ? await tx.findOne(CustomerAddress, { where: { id: Number(input.id) || -1, customerId: c.id } })
        : null;
      const keep = (v: string | null | undefined, old: string | null | undefined) =>
        v === undefined || v === null ? (old ?? '') : v.trim();
      const row = {
        customerId: c.id,
        label: keep(input.label, before?.label),
        receiver: keep(input.receiver, before?.receiver),
        phone: keep(input.phone, before?.phone),
        address: input.address.trim(),
        isDefault: !!input.isDefault || first,
      };
      const saved = await this.child(tx, CustomerAddress, c.id, input.id, row);
      if (row.isDefault)
        await tx
          .createQueryBuilder()
          .update(CustomerAddress)
          .set({ isDefault: false })
          .where('customer_id = :c AND id <> :id', { c: c.id, id: saved.id })
          .execute();
      await this.audit.record(tx, ctx, {
        action: 'customer.address',
        entityType: 'Customer',
        entityId: c.id,
        after: row,
      });
      return tx.findOneByOrFail(CustomerAddress, { id: saved.id });
    });
  }

  async removeContactOrAddress(ctx: Context, kind: 'contact' | 'address', id: string): Promise<boolean> {
    return inTransaction(this.ds, async (tx) => {
      const entity = kind === 'contact' ? CustomerContact : CustomerAddress;
      // another salesperson's customer's row answers exactly like an id that does not exist
      const missing = () => notFound(kind === 'contact' ? 'This contact' : 'This address');
      const row = await tx.findOne(entity, { where: { id: Number(id) || -1 } });
      if (!row) throw missing();
      const c = await this.get(ctx, row.customerId, tx).catch((e) => {
        throw (e as DomainError).extensions?.code === ErrorCode.NOT_FOUND ? missing() : e;
      });
      await tx.delete(entity, { id: row.id });
      await this.audit.record(tx, ctx, {
        action: `customer.${kind}.delete`,
        entityType: 'Customer',
        entityId: c.id,
        before: { ...row },
      });
      return true;
    });
  }

  /** A contact or address row of this customer: a new one, or an edit of one that belongs to it. */
  private async child<T extends CustomerContact | CustomerAddress>(
    tx: EntityManager,
    entity: new () => T,
    customerId: number,
    id: string | undefined,
    row: Partial<T>,
  ): Promise<T> {
    if (!id) return tx.save(tx.create(entity, row as any)) as Promise<T>;
    const existing = await tx.findOne(entity, { where: { id: Number(id) || -1, customerId } as any });
    if (!existing) throw notFound('This entry');
    await tx.update(entity, { id: existing.id } as any, row as any);
    return existing;
  }

  // ---------- tiers ----------

  tiers(): Promise<CustomerTier[]> {
    return this.ds.getRepository(CustomerTier).find({ order: { rank: 'ASC' } });
  }

  private async lowestTierId(tx: EntityManager): Promise<number | null> {
    return (await tx.findOne(CustomerTier, { where: {}, order: { rank: 'ASC' } }))?.id ?? null;
  }

  async saveTier(ctx: Context, input: TierInput): Promise<CustomerTier> {
    const problems: FieldProblem[] = [];
    if (!new Decimal(input.minAmount).gte(0)) problems.push({ field: 'minAmount', message: 'Cannot be negative.' });
    if (input.minOrders < 0) problems.push({ field: 'minOrders', message: 'Cannot be negative.' });
    if (input.maxRecencyDays != null && input.maxRecencyDays < 0)
      problems.push({ field: 'maxRecencyDays', message: 'Cannot be negative.' });
    if (problems.length) throw badInput(problems);
    return inTransaction(this.ds, async (tx) => {
      const row = {
        code: input.code.trim(),
        name: input.name.trim(),
        rank: input.rank,
        minAmount: new Decimal(input.minAmount).toFixed(2),
        minOrders: input.minOrders,
        maxRecencyDays: input.maxRecencyDays ?? null,
      };
      const clash = await tx.findOne(CustomerTier, { where: [{ code: row.code }, { rank: row.rank }] });
      if (clash && String(clash.id) !== input.id)
        throw badInput([{ field: clash.code === row.code ? 'code' : 'rank', message: 'Another tier has it.' }]);
      let saved: CustomerTier;
      if (input.id) {
        const res = await tx
          .createQueryBuilder()
          .update(CustomerTier)
          .set({ ...row, version: (input.version ?? 0) + 1 })
          .where('id = :id AND version = :v', { id: Number(input.id), v: input.version ?? -1 })
          .execute();
        if (!res.affected) throw conflict(input.version ?? 0);
        saved = await tx.findOneByOrFail(CustomerTier, { id: Number(input.id) });
      } else saved = await tx.save(tx.create(CustomerTier, { ...row, version: 1 }));
      await this.audit.record(tx, ctx, {
        action: 'customerTier.save',
        entityType: 'CustomerTier',
        entityId: saved.id,
        after: row,
      });
      return saved;
    });
  }

  /**
   * Recomputes every customer's tier from its RFM figures over the last year (hand-fixed tiers
   * are kept). Runs on demand and on a daily schedule.
   */
  async recomputeTiers(
    ctx: Context | null,
    asOf = today(),
  ): Promise<{ asOf: string; customers: number; changed: number; fixed: number }> {
    return inTransaction(this.ds, async (tx) => {
      const tiers = await tx.find(CustomerTier, { order: { rank: 'ASC' } });
      if (!tiers.length) return { asOf, customers: 0, changed: 0, fixed: 0 };
      const customers = await tx.find(Customer, { order: { id: 'ASC' } });
      const free = customers.filter((c) => !c.tierFixed);
      const figures = new Map(
        (
          await this.figures(
            tx,
            free.map((c) => c.id),
            addDays(asOf, -TIER_PERIOD_DAYS + 1),
            asOf,
          )
        ).map((f) => [f.customerId, f]),
      );
      const rules = tiers.map((t) => ({
        code: t.code,
        rank: t.rank,
        minAmount: t.minAmount,
        minOrders: t.minOrders,
        maxRecencyDays: t.maxRecencyDays,
      }));
      let changed = 0;
      for (const c of free) {
        const f = figures.get(c.id) ?? { customerId: c.id, lastOrderOn: null, orders: 0, amount: '0' };
        const got = tierFor(f, rules, asOf);
        const tierId = tiers.find((t) => t.code === got.code)!.id;
        if (tierId !== c.tierId || got.reason !== c.tierReason) {
          if (tierId !== c.tierId) changed++;
          await tx.update(Customer, { id: c.id }, { tierId, tierReason: got.reason.slice(0, 300) });
        }
      }
      if (ctx)
        await this.audit.record(tx, ctx, {
          action: 'customer.recomputeTiers',
          entityType: 'CustomerTier',
          entityId: '',
          after: { asOf, customers: customers.length, changed },
        });
      return { asOf, customers: customers.length, changed, fixed: customers.length - free.length };
    });
  }

  // ---------- channels and stores ----------

  channels(): Promise<SalesChannel[]> {
    return this.ds.getRepository(SalesChannel).find({ order: { code: 'ASC' } });
  }

  stores(channelId?: number): Promise<SalesStore[]> {
    return this.ds.getRepository(SalesStore).find({ where: channelId ? { channelId } : {}, order: { code: 'ASC' } });
  }

  async saveChannel(ctx: Context, input: ChannelInput): Promise<SalesChannel> {
    return inTransaction(this.ds, async (tx) => {
      const row = {
        code: input.code.trim(),
        name: input.name.trim(),
        kind: input.kind,
        platform: input.platform?.trim() ?? '',
        active: input.active ?? true,
      };
      const clash = await tx.findOne(SalesChannel, { where: { code: row.code } });
      if (clash && String(clash.id) !== input.id)
        throw badInput([{ field: 'code', message: 'This channel code is taken.' }]);
      const saved = await this.upsert(tx, SalesChannel, input, row);
      await this.audit.record(tx, ctx, {
        action: 'salesChannel.save',
        entityType: 'SalesChannel',
        entityId: saved.id,
        after: row,
      });
      return saved;
    });
  }

  async saveStore(ctx: Context, input: StoreInput): Promise<SalesStore> {
    return inTransaction(this.ds, async (tx) => {
      if (!(await tx.findOne(SalesChannel, { where: { id: Number(input.channelId) || -1 } })))
        throw badInput([{ field: 'channelId', message: 'Unknown channel.' }]);
      const row = {
        channelId: Number(input.channelId),
        code: input.code.trim(),
        name: input.name.trim(),
        active: input.active ?? true,
      };
      const clash = await tx.findOne(SalesStore, { where: { code: row.code } });
      if (clash && String(clash.id) !== input.id)
        throw badInput([{ field: 'code', message: 'This store code is taken.' }]);
      const saved = await this.upsert(tx, SalesStore, input, row);
      await this.audit.record(tx, ctx, {
        action: 'salesStore.save',
        entityType: 'SalesStore',
        entityId: saved.id,
        after: row,
      });
      return saved;
    });
  }

  private async upsert<T extends { id: number; version: number }>(
    tx: EntityManager,
    entity: new () => T,
    input: { id?: string; version?: number },
    row: object,
  ): Promise<T> {
    if (!input.id) return tx.save(tx.create(entity, { ...row, version: 1 } as any)) as Promise<T>;
    const res = await tx
      .createQueryBuilder()
      .update(entity)
      .set({ ...row, version: (input.version ?? 0) + 1 } as any)
      .where('id = :id AND version = :v', { id: Number(input.id), v: input.version ?? -1 })
      .execute();
    if (!res.affected) throw conflict(input.version ?? 0);
    return tx.findOneByOrFail(entity, { id: Number(input.id) } as any);
  }
}

/** One line for a delivery note: receiver, phone, address. */
export function formatAddress(a: Pick<CustomerAddress, 'receiver' | 'phone' | 'address'>): string {
  return [a.receiver, a.phone, a.address].filter((x) => x && x.trim()).join(' ');
}
