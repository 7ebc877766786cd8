import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApiKey } from './api-client.entity';

@InputType()
export class CreateApiClientInput {
  @Field() @Length(1, 100) name: string;
  @Field(() => ID, { description: 'The role whose permissions and field rules the client gets.' }) roleId: string;
  @Field(() => [ID], { nullable: true, description: 'Warehouse scope; empty or absent: every warehouse.' })
  @IsOptional()
  @ArrayMaxSize(200)
  warehouseIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Customer scope; absent: every customer the role may see.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  customerIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Requests per minute (default 600).' })
  @IsOptional()
  @Min(1)
  @Max(100_000)
  rateLimit?: number | null;
}

@ObjectType({ description: 'An API client as the integration page shows it.' })
export class ApiClientView {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'The name it appears under in the audit trail (api:<id>).' }) username: string;
  @Field(() => ID, { nullable: true }) roleId: string | null;
  @Field(() => String, { nullable: true }) roleCode: string | null;
  @Field(() => [ID], { description: 'Warehouse scope; empty: every warehouse.' }) warehouseIds: string[];
  @Field(() => [ID], { nullable: true, description: 'Customer scope; null: every customer the role may see.' })
  customerIds: string[] | null;
  @Field(() => Int) rateLimit: number;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => [ApiKey], { description: 'Its keys, newest first (rotated-out ones show when they stop).' })
  keys: ApiKey[];
}

@ObjectType({ description: 'A new key: the only time the secret is shown.' })
export class ApiClientKey {
  @Field(() => ApiClientView) client: ApiClientView;
  @Field({ description: 'The key itself; store it now, it is not shown again.' }) key: string;
}
