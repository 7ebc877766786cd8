import { conditionsInput, noConditions, type StorageConditions } from '@/shared/storageConditions';
import { useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import type { WarehouseLocationsQuery as LocationsResult } from '@/gql/graphql';
import {
  CreateBinMutation,
  CreateZoneMutation,
  UpdateBinMutation,
  UpdateZoneMutation,
  WarehouseLocationsQuery,
} from './queries';

export type ZoneRow = LocationsResult['zones'][number];
export type BinRow = LocationsResult['bins']['items'][number];

/** One dialog's state: open for a new row or an existing one, with the error of the last save. */
function useDialog<R, F extends Record<string, any>>(empty: () => F, fromRow: (r: R) => F) {
  const visible = ref(false);
  const editing = ref<R | null>(null) as { value: R | null };
  const form = reactive(empty()) as F;
  const error = ref<string | null>(null);
  return {
    visible,
    editing,
    form,
    error,
    open(r: R | null) {
      editing.value = r;
      Object.assign(form, r ? fromRow(r) : empty());
      error.value = null;
      visible.value = true;
    },
  };
}

/** Zones (货区) and bins (货位) of one warehouse; bins page and filter in the URL. */
export function useWarehouseLocations(warehouseId: () => string) {
  const { t } = useI18n();
  const list = useListRoute(['zone', 'search', 'active'] as const, 50);
  const variables = computed(() => {
    const f = list.filters.value;
    return {
      id: warehouseId(),
      zoneId: f.zone || undefined,
      search: f.search || undefined,
      active: f.active === 'true' ? true : f.active === 'false' ? false : undefined,
      page: list.page.value,
    };
  });
  const q = useQuery({ query: WarehouseLocationsQuery, variables });
  watch(q.error, (e) => e && showError(e));
  const reload = () => q.executeQuery();
  const zones = computed(() => q.data.value?.zones ?? []);
  const zoneName = (id: string | null | undefined) => {
    const z = zones.value.find((x) => x.id === id);
    return z ? `${z.code} · ${z.name}` : '';
  };
  const bins = computed(() => {
    const b = q.data.value?.bins;
    return b ? { ...b, items: b.items.map((i) => ({ ...i, zone: zoneName(i.zoneId) })) } : b;
  });

  const createZone = useMutation(CreateZoneMutation);
  const updateZone = useMutation(UpdateZoneMutation);
  const createBin = useMutation(CreateBinMutation);
  const updateBin = useMutation(UpdateBinMutation);

  const zone = useDialog<
    ZoneRow,
    { code: string; name: string; storageCondition: string; conditions: StorageConditions }
  >(
    () => ({ code: '', name: '', storageCondition: '', conditions: noConditions() }),
    (z) => ({
      code: z.code,
      name: z.name,
      storageCondition: z.storageCondition ?? '',
      conditions: {
        tempMin: z.tempMin ?? null,
        tempMax: z.tempMax ?? null,
        humidityMin: z.humidityMin ?? null,
        humidityMax: z.humidityMax ?? null,
        dark: z.dark,
        hazardClass: z.hazardClass ?? null,
        foodGrade: z.foodGrade,
      },
    }),
  );
  const bin = useDialog<BinRow, { code: string; zoneId: string; active: boolean; quarantine: boolean }>(
    () => ({ code: '', zoneId: list.filters.value.zone || '', active: true, quarantine: false }),
    (b) => ({ code: b.code, zoneId: b.zoneId ?? '', active: b.active, quarantine: b.quarantine }),
  );

  async function finish(r: { error?: any }, d: { visible: { value: boolean }; error: { value: string | null } }) {
    if (r.error) {
      const e = describeError(r.error);
      d.error.value = e ? [e.text, ...e.fields.map((f) => f.message)].join(' ') : null;
      if (e?.code === 'CONFLICT') {
        ElMessage({ type: 'warning', message: e.text, customClass: 'err-CONFLICT' });
        d.visible.value = false;
        reload();
      }
      return;
    }
    ElMessage.success(t('common.saved'));
    d.visible.value = false;
    reload();
  }

  async function saveZone() {
    const z = zone.editing.value;
    const f = zone.form;
    const r = z
      ? await updateZone.executeMutation({
          input: {
            id: z.id,
            version: z.version,
            code: f.code.trim(),
            name: f.name.trim(),
            storageCondition: f.storageCondition.trim() || null,
            conditions: conditionsInput(f.conditions),
          },
        })
      : await createZone.executeMutation({
          input: {
            warehouseId: warehouseId(),
            code: f.code.trim(),
            name: f.name.trim(),
            storageCondition: f.storageCondition.trim() || null,
            conditions: conditionsInput(f.conditions),
          },
        });
    await finish(r, zone);
  }

  async function saveBin() {
    const b = bin.editing.value;
    const f = bin.form;
    const r = b
      ? await updateBin.executeMutation({
          input: {
            id: b.id,
            version: b.version,
            code: f.code.trim(),
            zoneId: f.zoneId || null,
            active: f.active,
            quarantine: f.quarantine,
          },
        })
      : await createBin.executeMutation({
          input: {
            warehouseId: warehouseId(),
            code: f.code.trim(),
            zoneId: f.zoneId || null,
            quarantine: f.quarantine,
          },
        });
    await finish(r, bin);
  }

  return {
    list,
    q,
    /** the bins' filter (the query's arguments), as the export takes it */
    filter: computed(() => {
      const { id, zoneId, search, active } = variables.value;
      return { warehouseId: id, zoneId, search, active };
    }),
    warehouse: computed(() => q.data.value?.warehouse),
    zones,
    bins,
    zone,
    bin,
    saveZone,
    saveBin,
    busy: computed(
      () =>
        createZone.fetching.value || updateZone.fetching.value || createBin.fetching.value || updateBin.fetching.value,
    ),
  };
}
