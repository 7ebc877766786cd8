import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `sales.order.approve` granted nothing (the only approval of a sales order is the price approval,
 * `sales.price.approve`): it leaves the catalogue and every role that held it.
 */
export class RetireSalesOrderApprove1797150000000 implements MigrationInterface {
  name = 'RetireSalesOrderApprove1797150000000';

  async up(q: QueryRunner): Promise<void> {
    const roles: Array<{ id: number; permissions: string }> = await q.query(
      "SELECT `id`, `permissions` FROM `role` WHERE `permissions` LIKE '%sales.order.approve%'",
    );
    for (const r of roles) {
      const kept = (JSON.parse(r.permissions) as string[]).filter((c) => c !== 'sales.order.approve');
      await q.query('UPDATE `role` SET `permissions` = ?, `version` = `version` + 1 WHERE `id` = ?', [
        JSON.stringify(kept),
        r.id,
      ]);
    }
  }

  async down(): Promise<void> {
    // nothing to give back: the permission allowed nothing
  }
}
