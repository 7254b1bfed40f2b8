import { type TenureDataset, TenureDatasetSchema } from '../../graph/contract/exports.ts';

/**
 * The tenure data for a tracker export, from the app's API: an organisation's (`GET
 * /api/exports/dataset?org=`) or the tenures among chosen nodes (`POST /api/exports/dataset`).
 * Null when the organisation does not exist; any other failure throws with the server's message.
 */
export async function fetchDataset(
  baseUrl: string,
  what: { org: string } | { nodeIds: string[] },
): Promise<TenureDataset | null> {
  const response =
    'org' in what
      ? await fetch(`${baseUrl}/api/exports/dataset?org=${encodeURIComponent(what.org)}`)
      : await fetch(`${baseUrl}/api/exports/dataset`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ nodeIds: what.nodeIds }),
        });
  if (response.status === 404) return null;
  const body: unknown = await response.json();
  if (!response.ok)
    throw new Error(
      `The export API answered ${response.status}: ${(body as { error?: { message?: string } }).error?.message ?? 'no message'}`,
    );
  return TenureDatasetSchema.parse(body);
}
