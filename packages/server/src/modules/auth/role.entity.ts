import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A position: a named set of permissions from the catalogue.' })
@Entity('role')
export class Role {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Stable code, e.g. "warehouse".' })
  @Column({ type: 'varchar', length: 50, unique: true })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field()
  @Column({ name: 'name_zh', type: 'varchar', length: 100, default: '' })
  nameZh: string;

  @Field(() => [String])
  @Column({ type: 'simple-json' })
  permissions: string[];

  @Field({ description: 'Seeded roles cannot be deleted.' })
  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn: boolean;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  version: number;
}
