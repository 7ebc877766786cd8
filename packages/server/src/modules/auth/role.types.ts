import { Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType()
export class CreateRoleInput {
  @Field()
  @Length(2, 50)
  @Matches(/^[a-z0-9_.-]+$/, { message: 'lower-case letters, digits, _ . - only' })
  code: string;
  @Field() @Length(1, 100) name: string;
  @Field({ nullable: true }) nameZh?: string;
  @Field(() => [String]) permissions: string[];
}

@InputType()
export class UpdateRoleInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) nameZh?: string;
  @Field(() => [String], { nullable: true }) permissions?: string[];
}

@ObjectType()
export class PermissionInfo {
  @Field() code: string;
  @Field({ description: 'The first part of the code: system, stock, sales …' }) area: string;
}

@ObjectType()
export class RoleOption {
  @Field() code: string;
  @Field() name: string;
  @Field() nameZh: string;
}
