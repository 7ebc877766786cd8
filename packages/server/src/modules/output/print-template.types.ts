import { Field, InputType, Int } from 'type-graphql';
import { PrintDocType } from './print-template.entity';

@InputType()
export class SavePrintTemplateInput {
  @Field(() => PrintDocType) docType: PrintDocType;
  @Field() headerText: string;
  @Field({ description: 'An http(s) URL or a data:image/(png|jpeg|gif|webp);base64 URL; empty for none.' })
  logo: string;
  @Field(() => [String]) fields: string[];
  @Field(() => [String]) signatureLines: string[];
  @Field() footerText: string;
  @Field(() => Int, { description: 'The version read (0 for the defaults); a stale one gets CONFLICT.' })
  version: number;
}
