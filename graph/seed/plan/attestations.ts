import type { SeedSet } from '../read-seeds.ts';
import type { Attestation } from '../schema.ts';

/**
 * The seeds with every top-level `attestations` entry moved into the tenure it names, wherever that
 * tenure is kept, after the tenure's own attestations (in file order). A new document's facts file
 * can so attest a tenure kept in a curated file without a second tenure for the same person and post.
 * Pure; entries naming an unknown tenure are left out (the validator reports them).
 */
export function mergeAttestations(seeds: SeedSet): SeedSet {
  const extra = new Map<string, Attestation[]>();
  for (const file of seeds.factsFiles) {
    for (const { tenure, ...attestation } of file.facts.attestations) {
      extra.set(tenure, [...(extra.get(tenure) ?? []), attestation]);
    }
  }
  if (extra.size === 0) return seeds;
  return {
    documents: seeds.documents,
    factsFiles: seeds.factsFiles.map((file) => ({
      file: file.file,
      facts: {
        ...file.facts,
        tenures: file.facts.tenures.map((t) =>
          extra.has(t.id) ? { ...t, attestations: [...t.attestations, ...(extra.get(t.id) ?? [])] } : t,
        ),
        attestations: [],
      },
    })),
  };
}
