import { PageIndexes1797560000010 } from './1797560000010-PageIndexes';
import { ReplenishmentForecast1797560000000 } from './1797560000000-ReplenishmentForecast';
import { StockSnapshots1797610000000 } from './1797610000000-StockSnapshots';
import { WarehouseFees1797610000010 } from './1797610000010-WarehouseFees';
import { LuckyDrawsBirthdays1797630000000 } from './1797630000000-LuckyDrawsBirthdays';
import { ExportJobs1797680000000 } from './1797680000000-ExportJobs';
import { TplReviewParams1797700000000 } from './1797700000000-TplReviewParams';
import { ExportJobErrorCode1797702000000 } from './1797702000000-ExportJobErrorCode';
import { PlatformShopKey1797700000100 } from './1797700000100-PlatformShopKey';
import { DemandVersion1797703000000 } from './1797703000000-DemandVersion';
import { CustomerPreferredChannel1797660000000 } from './1797660000000-CustomerPreferredChannel';
import { PlatformStockPush1797300000040 } from './1797300000040-PlatformStockPush';
import { ThirdPartyWarehouses1797600000000 } from './1797600000000-ThirdPartyWarehouses';
import { PlatformRefundsShipments1797620000000 } from './1797620000000-PlatformRefundsShipments';
import { VoucherAccounts1797100000200 } from './1797100000200-VoucherAccounts';
import { SalesTargets1797100000150 } from './1797100000150-SalesTargets';
import { StatementConfirmations1797100000160 } from './1797100000160-StatementConfirmations';
import { SalesPromotions1797200000100 } from './1797200000100-SalesPromotions';
import { Promotions1797200000000 } from './1797200000000-Promotions';
import { Alerts1797013000000 } from './1797013000000-Alerts';
import { JobLease1797100000000 } from './1797100000000-JobLease';
import { ReplenishmentDemand1797100000100 } from './1797100000100-ReplenishmentDemand';
import { AlertScans1797130000000 } from './1797130000000-AlertScans';
import { StorageConditions1797140000000 } from './1797140000000-StorageConditions';
import { RetireSalesOrderApprove1797150000000 } from './1797150000000-RetireSalesOrderApprove';
import { LandedCosts1797400000000 } from './1797400000000-LandedCosts';
import { ReturnTakeBack1797580000000 } from './1797580000000-ReturnTakeBack';
import { PromotionDays1797580000010 } from './1797580000010-PromotionDays';
import { PrintTemplates1797590000000 } from './1797590000000-PrintTemplates';
import { ApiClients1797300000010 } from './1797300000010-ApiClients';
import { Webhooks1797300000020 } from './1797300000020-Webhooks';
import { PlatformOrders1797300000030 } from './1797300000030-PlatformOrders';
import { Stocktakes1796813000000 } from './1796813000000-Stocktakes';
import { Collation1796527199917 } from './1796527199917-Collation';
import { ReplenishmentInputs1796600000100 } from './1796600000100-ReplenishmentInputs';
import { LedgerCauses1796516183392 } from './1796516183392-LedgerCauses';
import { LoginAttemptAddress1796700000000 } from './1796700000000-LoginAttemptAddress';
import { UnitCostPlaces1796800000000 } from './1796800000000-UnitCostPlaces';
import { SalesPriceApproval1797000000000 } from './1797000000000-SalesPriceApproval';
import { CustomerContacts1795606305420 } from './1795606305420-CustomerContacts';
import { SalesOrders1795604140834 } from './1795604140834-SalesOrders';
import { StockReserved1795596506709 } from './1795596506709-StockReserved';
import { SalesPriceLists1795596041966 } from './1795596041966-SalesPriceLists';
import { SalesCustomers1795595342418 } from './1795595342418-SalesCustomers';
import { Replenishment1795593406143 } from './1795593406143-Replenishment';
import { BalanceKeyOrder1795582405574 } from './1795582405574-BalanceKeyOrder';
import { LedgerReportIndex1795582261667 } from './1795582261667-LedgerReportIndex';
import { Purchasing1795581900733 } from './1795581900733-Purchasing';
import { CatalogAndStockLedger1795579070659 } from './1795579070659-CatalogAndStockLedger';
import { Init1795577995052 } from './1795577995052-Init';
import { LedgerCauseAction1796600000000 } from './1796600000000-LedgerCauseAction';
import { PickingAndExpiry1796600000001 } from './1796600000001-PickingAndExpiry';
import { PurchaseReceiptExpiryReason1796900000000 } from './1796900000000-PurchaseReceiptExpiryReason';
import { QuarantineBins1796900000100 } from './1796900000100-QuarantineBins';
import { ListWarehouseIndexes1797650000000 } from './1797650000000-ListWarehouseIndexes';
import { LuckyDrawPrizeCost1797704000000 } from './1797704000000-LuckyDrawPrizeCost';
import { PlatformShopKeyOrigin1797711000000 } from './1797711000000-PlatformShopKeyOrigin';
import { KeptSuggestions1797713000000 } from './1797713000000-KeptSuggestions';
import { SuggestionQuantityOnly1797720000000 } from './1797720000000-SuggestionQuantityOnly';
import { StockDocumentWarehouseIndexes1797810000000 } from './1797810000000-StockDocumentWarehouseIndexes';
import { NoAgreementNoDeviation1797820000000 } from './1797820000000-NoAgreementNoDeviation';
import { PurchaseReturnCredit1797900000000 } from './1797900000000-PurchaseReturnCredit';
// MySQL/MariaDB migrations, in order. Generate a new one with `pnpm db:generate <Name>`.
export const migrations: Array<new () => unknown> = [
  Init1795577995052,
  CatalogAndStockLedger1795579070659,
  Purchasing1795581900733,
  LedgerReportIndex1795582261667,
  BalanceKeyOrder1795582405574,
  Replenishment1795593406143,
  SalesCustomers1795595342418,
  SalesPriceLists1795596041966,
  StockReserved1795596506709,
  SalesOrders1795604140834,
  CustomerContacts1795606305420,
  LedgerCauses1796516183392,
  Collation1796527199917,
  LedgerCauseAction1796600000000,
  PickingAndExpiry1796600000001,
  ReplenishmentInputs1796600000100,
  LoginAttemptAddress1796700000000,
  UnitCostPlaces1796800000000,
  Stocktakes1796813000000,
  PurchaseReceiptExpiryReason1796900000000,
  QuarantineBins1796900000100,
  SalesPriceApproval1797000000000,
  Alerts1797013000000,
  JobLease1797100000000,
  ReplenishmentDemand1797100000100,
  SalesTargets1797100000150,
  StatementConfirmations1797100000160,
  VoucherAccounts1797100000200,
  AlertScans1797130000000,
  StorageConditions1797140000000,
  RetireSalesOrderApprove1797150000000,
  Promotions1797200000000,
  SalesPromotions1797200000100,
  ApiClients1797300000010,
  Webhooks1797300000020,
  PlatformOrders1797300000030,
  PlatformStockPush1797300000040,
  LandedCosts1797400000000,
  ReplenishmentForecast1797560000000,
  PageIndexes1797560000010,
  ReturnTakeBack1797580000000,
  PromotionDays1797580000010,
  PrintTemplates1797590000000,
  ThirdPartyWarehouses1797600000000,
  StockSnapshots1797610000000,
  WarehouseFees1797610000010,
  PlatformRefundsShipments1797620000000,
  LuckyDrawsBirthdays1797630000000,
  ListWarehouseIndexes1797650000000,
  CustomerPreferredChannel1797660000000,
  ExportJobs1797680000000,
  TplReviewParams1797700000000,
  PlatformShopKey1797700000100,
  ExportJobErrorCode1797702000000,
  DemandVersion1797703000000,
  LuckyDrawPrizeCost1797704000000,
  PlatformShopKeyOrigin1797711000000,
  KeptSuggestions1797713000000,
  SuggestionQuantityOnly1797720000000,
  StockDocumentWarehouseIndexes1797810000000,
  NoAgreementNoDeviation1797820000000,
  PurchaseReturnCredit1797900000000,
];
