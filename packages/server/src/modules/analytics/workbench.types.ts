import { Field, ObjectType, registerEnumType } from 'type-graphql';

export const WorkbenchSection = {
  MANAGER: 'MANAGER',
  ACCOUNTANT: 'ACCOUNTANT',
  PURCHASER: 'PURCHASER',
  SALES: 'SALES',
  KEEPER: 'KEEPER',
} as const;
export type WorkbenchSection = keyof typeof WorkbenchSection;
registerEnumType(WorkbenchSection, {
  name: 'WorkbenchSection',
  description: "A position's part of the home page, from the user's roles (a manager or admin sees all of them).",
});

export const FigureKind = { COUNT: 'COUNT', MONEY: 'MONEY', QTY: 'QTY', PERCENT: 'PERCENT', DATE: 'DATE' } as const;
export type FigureKind = keyof typeof FigureKind;
registerEnumType(FigureKind, { name: 'FigureKind' });

@ObjectType({ description: 'A live figure on the workbench with the list behind it.' })
export class WorkbenchCard {
  @Field(() => WorkbenchSection) section: WorkbenchSection;
  @Field({ description: 'Stable key (the console translates it).' }) key: string;
  @Field(() => FigureKind) kind: FigureKind;
  @Field(() => String, { nullable: true, description: 'The figure (a count, an amount or a day); null: none yet.' })
  value: string | null;
  @Field(() => String, { nullable: true, description: 'A second figure (a change, a part of it), same kind.' })
  detail: string | null;
  @Field({ description: "The console path of the list behind it, with the list's filters in its query." }) link: string;
}

@ObjectType()
export class WorkbenchPoint {
  @Field() key: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) value: string | null;
  @Field(() => String, { nullable: true }) value2: string | null;
}

@ObjectType({ description: 'A chart or league table on the workbench.' })
export class WorkbenchSeries {
  @Field(() => WorkbenchSection) section: WorkbenchSection;
  @Field() key: string;
  @Field(() => FigureKind) kind: FigureKind;
  @Field(() => [WorkbenchPoint]) points: WorkbenchPoint[];
  @Field() link: string;
}

@ObjectType({ description: "工作台: the signed-in user's home, per position; every figure follows the field rules." })
export class Workbench {
  @Field(() => [WorkbenchSection]) sections: WorkbenchSection[];
  @Field({ description: 'Business day the figures are for.' }) today: string;
  @Field(() => [WorkbenchCard]) cards: WorkbenchCard[];
  @Field(() => [WorkbenchSeries]) series: WorkbenchSeries[];
}
