export interface CategoryRow {
  id: string;
  code: string;
  name: string;
  parentId?: string | null;
  path: string;
  version: number;
}

export interface CategoryNode extends CategoryRow {
  label: string;
  children: CategoryNode[];
}

/** The flat list from `categories` (parents before children) as a tree for el-tree / el-tree-select. */
export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const byId = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const r of rows) byId.set(r.id, { ...r, label: `${r.name} (${r.code})`, children: [] });
  for (const n of byId.values()) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

/** The ids of a category and everything under it (a node may not move into these). */
export function subtreeIds(rows: readonly CategoryRow[], id: string): Set<string> {
  const out = new Set<string>([id]);
  for (const r of rows) if (r.path.split('/').includes(id)) out.add(r.id);
  return out;
}
