import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEmail, IsOptional, Length, Matches } from 'class-validator';
import { Paginated } from '../../core/paging';
import { User } from './user.entity';

export const UserSort = {
  USERNAME: 'USERNAME',
  DISPLAY_NAME: 'DISPLAY_NAME',
  CREATED_AT: 'CREATED_AT',
  LAST_LOGIN_AT: 'LAST_LOGIN_AT',
  EMAIL: 'EMAIL',
} as const;
export type UserSort = keyof typeof UserSort;
registerEnumType(UserSort, { name: 'UserSort', description: 'EMAIL needs system.user.contact.read.' });

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'username or display name contains' }) search?: string;
  @Field({ nullable: true }) roleCode?: string;
  @Field({ nullable: true }) active?: boolean;
  @Field({ nullable: true, description: 'needs system.user.contact.read' }) email?: string;
  @Field({ nullable: true, description: 'needs system.user.contact.read' }) phone?: string;
}

@InputType()
export class CreateUserInput {
  @Field() @Length(2, 50) @Matches(/^[a-zA-Z0-9_.-]+$/, { message: 'letters, digits, _ . - only' }) username: string;
  @Field() @Length(1, 100) displayName: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 50) phone?: string;
  @Field() password: string;
  @Field(() => [ID]) roleIds: string[];
  @Field(() => [ID], { defaultValue: [] }) warehouseIds: string[];
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you read; a stale one gets CONFLICT.' }) version: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) displayName?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 50) phone?: string;
  @Field(() => [ID], { nullable: true }) roleIds?: string[];
  @Field(() => [ID], { nullable: true }) warehouseIds?: string[];
  @Field({ nullable: true }) active?: boolean;
}

export const UserPage = Paginated(User, 'UserPage');

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Also usable as `Authorization: Bearer <token>` by scripts.' }) token: string;
  @Field(() => Date) expiresAt: Date;
  @Field(() => User) user: User;
}

@ObjectType({ description: 'The signed-in user and what they may do.' })
export class Me {
  @Field(() => User) user: User;
  @Field(() => [String]) permissions: string[];
  @Field(() => [String]) roles: string[];
  @Field(() => [ID], { nullable: true, description: 'null: every warehouse' }) warehouseIds: number[] | null;
}
