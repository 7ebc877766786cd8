import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { Allow, SignedIn } from '../../core/permissions/guard';
import { PRINT_FIELDS, PrintDocType, PrintTemplate } from './print-template.entity';
import { SavePrintTemplateInput } from './print-template.types';

@Resolver()
export class PrintTemplateResolver {
  @Query(() => PrintTemplate, {
    description:
      'The template a document prints with (the defaults until an admin saves one). The document itself is read through its own query, so its prices follow the field rules.',
  })
  @SignedIn()
  printTemplate(@Arg('docType', () => PrintDocType) docType: PrintDocType, @Ctx() ctx: Context) {
    return ctx.services.printTemplates.get(docType);
  }

  @Query(() => [PrintTemplate], { description: 'Every document type’s template, for the admin page.' })
  @Allow(P.SystemSettingsRead)
  printTemplates(@Ctx() ctx: Context) {
    return ctx.services.printTemplates.all();
  }

  @Query(() => [String], { description: 'The fields a document type can print, in print order.' })
  @SignedIn()
  printFields(@Arg('docType', () => PrintDocType) docType: PrintDocType) {
    return PRINT_FIELDS[docType];
  }

  @Mutation(() => PrintTemplate, { description: 'Saves a document type’s template (a stale version gets CONFLICT).' })
  @Allow(P.SystemSettingsManage)
  savePrintTemplate(@Arg('input') input: SavePrintTemplateInput, @Ctx() ctx: Context) {
    return ctx.services.printTemplates.save(ctx, input);
  }
}
