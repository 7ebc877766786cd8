import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { Warehouse } from '../stock';
import { Role } from './role.entity';

@ObjectType({ description: 'A person who signs in.' })
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 50, unique: true })
  username: string;

  @Field()
  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @SensitiveField('User', () => String, P.SystemUserContactRead, 'E-mail address.')
  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @SensitiveField('User', () => String, P.SystemUserContactRead, 'Phone number.')
  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Field({ description: 'A disabled user cannot sign in; their open sessions end at once.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field({ description: 'Set after an administrator resets the password.' })
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Field(() => [Role])
  @ManyToMany(() => Role)
  @JoinTable({ name: 'user_role', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'role_id' } })
  roles: Role[];

  @Field(() => [Warehouse], { description: 'Warehouse scope; empty means every warehouse.' })
  @ManyToMany(() => Warehouse)
  @JoinTable({ name: 'user_warehouse', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'warehouse_id' } })
  warehouses: Warehouse[];

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  version: number;
}
