import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, notFound, type FieldProblem } from '../../core/errors';
import { forUpdate, inCaseInsensitive } from '../../core/sql';
import type { AuditService } from '../audit';
import { chunks } from './catalog-query';
import type { CreateCategoryInput, UpdateCategoryInput } from './catalog.types';
import { Category } from './category.entity';
import { CODE_RE } from './product-rules';

const categorySnapshot = (c: Category) => ({
  code: c.code,
  name: c.name,
  parentId: c.parentId,
  path: c.path,
  version: c.version,
});

/** The category tree: codes unique (case-insensitively), a path per category, moves without cycles. */
export class CategoryService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Category[]> {
    return this.ds.getRepository(Category).find({ order: { path: 'ASC' }, take: 20_000 });
  }

  async get(id: string | number): Promise<Category> {
    const c = await this.ds.getRepository(Category).findOne({ where: { id: Number(id) || -1 } });
    if (!c) throw notFound('This category');
    return c;
  }

  private checkCategoryFields(problems: FieldProblem[], code: string | undefined, name: string | undefined) {
    if (code !== undefined) {
      const c = code.trim();
      if (!c || c.length > 30 || !CODE_RE.test(c))
        problems.push({ field: 'code', message: 'A code is 1–30 letters, digits, _ . -.' });
    }
    if (name !== undefined && (!name.trim() || name.trim().length > 100))
      problems.push({ field: 'name', message: 'A name is 1–100 characters.' });
  }

  private async codeTaken(tx: EntityManager, code: string, exceptId?: number): Promise<boolean> {
    const [w, p] = inCaseInsensitive(this.ds, 'c.code', [code.trim()], 'codes');
    const found = await tx.getRepository(Category).createQueryBuilder('c').where(w, p).getMany();
    return found.some((c) => c.id !== exceptId);
  }

  async create(ctx: Context, input: CreateCategoryInput): Promise<Category> {
    const problems: FieldProblem[] = [];
    this.checkCategoryFields(problems, input.code, input.name);
    if (problems.length) throw badInput(problems);
    return inTransaction(this.ds, async (tx) => {
      const parent = input.parentId
        ? await tx.findOne(Category, { where: { id: Number(input.parentId) || -1 } })
        : null;
      if (input.parentId && !parent) throw badInput([{ field: 'parentId', message: 'This category does not exist.' }]);
      if (await this.codeTaken(tx, input.code))
        throw badInput([{ field: 'code', message: 'This code is taken.' }], 'This category code is taken.');
      const c = await tx.save(
        tx.create(Category, {
          code: input.code.trim(),
          name: input.name.trim(),
          parentId: parent?.id ?? null,
          path: '/',
          version: 1,
        }),
      );
      c.path = `${parent?.path ?? '/'}${c.id}/`;
      if (c.path.length > 255) throw badInput([{ field: 'parentId', message: 'The category tree is too deep here.' }]);
      await tx.update(Category, { id: c.id }, { path: c.path });
      await this.audit.record(tx, ctx, {
        action: 'category.create',
        entityType: 'Category',
        entityId: c.id,
        after: categorySnapshot(c),
      });
      return c;
    });
  }

  async update(ctx: Context, input: UpdateCategoryInput): Promise<Category> {
    const problems: FieldProblem[] = [];
    this.checkCategoryFields(problems, input.code ?? undefined, input.name ?? undefined);
    if (problems.length) throw badInput(problems);
    const id = Number(input.id) || -1;
    return inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(Category, { where: { id } });
      if (!before) throw notFound('This category');
      if (input.code && (await this.codeTaken(tx, input.code, id)))
        throw badInput([{ field: 'code', message: 'This code is taken.' }], 'This category code is taken.');
      const patch: Partial<Category> = { version: input.version + 1 };
      if (input.code) patch.code = input.code.trim();
      if (input.name) patch.name = input.name.trim();
      const res = await tx
        .createQueryBuilder()
        .update(Category)
        .set(patch)
        .where('id = :id AND version = :v', { id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Category, { where: { id } });
      await this.audit.record(tx, ctx, {
        action: 'category.update',
        entityType: 'Category',
        entityId: id,
        before: categorySnapshot(before),
        after: categorySnapshot(after),
      });
      return after;
    });
  }

  /** Moves a category (and its subtree) under another parent, or to the root; refuses cycles. */
  async move(ctx: Context, idArg: string, version: number, parentIdArg: string | null | undefined): Promise<Category> {
    const id = Number(idArg) || -1;
    return inTransaction(this.ds, async (tx) => {
      const before = await forUpdate(
        tx,
        tx.getRepository(Category).createQueryBuilder('c').where('c.id = :id', { id }),
      ).getOne();
      if (!before) throw notFound('This category');
      let parent: Category | null = null;
      if (parentIdArg) {
        parent = await forUpdate(
          tx,
          tx
            .getRepository(Category)
            .createQueryBuilder('c')
            .where('c.id = :id', { id: Number(parentIdArg) || -1 }),
        ).getOne();
        if (!parent) throw badInput([{ field: 'parentId', message: 'This category does not exist.' }]);
        if (parent.path.startsWith(before.path)) {
          throw badInput(
            [{ field: 'parentId', message: 'A category cannot move under itself or one of its own subcategories.' }],
            'That move would make a cycle.',
          );
        }
      }
      const oldPrefix = before.path;
      const newPrefix = `${parent?.path ?? '/'}${before.id}/`;
      const subtree = await forUpdate(
        tx,
        tx
          .getRepository(Category)
          .createQueryBuilder('c')
          .where('c.path LIKE :p AND c.id <> :id', { p: `${oldPrefix}%`, id }),
      ).getMany();
      if ([before, ...subtree].some((c) => newPrefix.length + c.path.length - oldPrefix.length > 255)) {
        throw badInput([{ field: 'parentId', message: 'The category tree would be too deep.' }]);
      }
      const res = await tx
        .createQueryBuilder()
        .update(Category)
        .set({ parentId: parent?.id ?? null, path: newPrefix, version: version + 1 })
        .where('id = :id AND version = :v', { id, v: version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      for (const c of subtree)
        await tx.update(Category, { id: c.id }, { path: newPrefix + c.path.slice(oldPrefix.length) });
      const after = await tx.findOneOrFail(Category, { where: { id } });
      await this.audit.record(tx, ctx, {
        action: 'category.move',
        entityType: 'Category',
        entityId: id,
        before: categorySnapshot(before),
        after: { ...categorySnapshot(after), subtreeMoved: subtree.length },
      });
      return after;
    });
  }

  async byCode(tx: EntityManager, codes: string[]): Promise<Map<string, Category>> {
    const out = new Map<string, Category>();
    for (const part of chunks([...new Set(codes.map((c) => c.trim()).filter(Boolean))])) {
      const [w, p] = inCaseInsensitive(this.ds, 'c.code', part, 'codes');
      for (const c of await tx.getRepository(Category).createQueryBuilder('c').where(w, p).getMany())
        out.set(c.code.toLowerCase(), c);
    }
    return out;
  }
}
