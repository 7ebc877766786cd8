import { In, type EntityManager, type EntityTarget } from 'typeorm';

/**
 * Which (document, line) pairs name a line of an existing document, as `${documentId}:${lineId}`:
 * what the owner of a document type answers the ledger check (`PostingService.onCheck`). The line
 * entity holds its document's id in `parent`; both are the caller's own entities.
 */
export async function existingLines<L extends { id: number }>(
  em: EntityManager,
  line: EntityTarget<L>,
  parent: keyof L & string,
  document: EntityTarget<{ id: number }>,
  refs: Array<[documentId: number, lineId: number]>,
): Promise<Set<string>> {
  const out = new Set<string>();
  const ids = [...new Set(refs.map(([, l]) => l))];
  for (let i = 0; i < ids.length; i += 500) {
    const lines = (await em.find(line, { where: { id: In(ids.slice(i, i + 500)) } as any })).map(
      (l) => [Number(l[parent]), l.id] as const,
    );
    if (!lines.length) continue;
    const docs = new Set(
      (await em.find(document, { where: { id: In([...new Set(lines.map(([d]) => d))]) }, select: { id: true } })).map(
        (d) => d.id,
      ),
    );
    for (const [d, l] of lines) if (docs.has(d)) out.add(`${d}:${l}`);
  }
  return out;
}
