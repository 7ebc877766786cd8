import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A node of the category tree; `path` holds the ids from the root ("/1/4/9/") for subtree queries. */
@ObjectType()
@Entity('category')
export class Category {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'parent_id', type: 'int', nullable: true }) parentId:
    number | null;
  @Field() @Column({ type: 'varchar', length: 30, unique: true }) code: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field() @Index() @Column({ type: 'varchar', length: 255, default: '/' }) path: string;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType()
@Entity('brand')
export class Brand {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 100, unique: true }) name: string;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}
