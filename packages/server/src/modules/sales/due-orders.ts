import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { SalesOrder, SalesOrderStatus } from './sales-order.entity';

/** A confirmed order not fully shipped whose promised date (or order date, when none was promised) is on or before `day`. */
export interface DueOrder {
  id: number;
  number: string;
  ownerId: number;
  warehouseId: number;
  dueDate: string;
}

/** Orders waiting to ship by `day` (the alerts' daily scan reads them here, in the caller's transaction). */
export async function ordersDueToShip(em: EntityManager, day: string): Promise<DueOrder[]> {
  const rows = await em.find(SalesOrder, {
    where: {
      status: In([SalesOrderStatus.CONFIRMED, SalesOrderStatus.PARTLY_SHIPPED]),
      orderDate: LessThanOrEqual(day),
    },
    order: { id: 'ASC' },
  });
  return rows
    .map((o) => ({
      id: o.id,
      number: o.number,
      ownerId: o.ownerId,
      warehouseId: o.warehouseId,
      dueDate: o.promisedDate ?? o.orderDate,
    }))
    .filter((o) => o.dueDate <= day);
}
