import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The birthday offer settings (one row, id 1). */
@ObjectType()
@Entity('birthday_offer_setting')
export class BirthdayOfferSettings {
  @Column({ type: 'int', primary: true }) id: number;
  @Field({ description: 'The job issues coupons only when on.' })
  @Column({ type: 'boolean', default: false })
  enabled: boolean;
  @Field(() => ID, { nullable: true, description: 'Each customer gets one code of this batch.' })
  @Column({ name: 'coupon_batch_id', type: 'int', nullable: true })
  couponBatchId: number | null;
  @Field({ description: 'The message; {name}, {code} and {batch} are filled in.' })
  @Column({ type: 'varchar', length: 300 })
  message: string;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** One customer's birthday offer of one year: the code issued and the message recorded (not sent). */
@ObjectType({ description: 'A birthday coupon issued, with the message recorded for its channel (nothing is sent).' })
@Entity('birthday_offer')
@Index(['customerId', 'year'], { unique: true })
export class BirthdayOffer {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field(() => Int) @Column({ type: 'int' }) year: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'coupon_code_id', type: 'int', nullable: true }) couponCodeId:
    number | null;
  @Field() @Column({ type: 'varchar', length: 40, default: '' }) code: string;
  @Field({
    description:
      "The customer's preferred channel (SMS, WECHAT, EMAIL, PHONE) when they can be reached there; else SMS (a phone), EMAIL (an e-mail only) or OWNER (neither: the salesperson).",
  })
  @Column({ type: 'varchar', length: 10 })
  channel: string;
  @Field() @Column({ type: 'varchar', length: 500 }) message: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
