// Downloads one machine file, reporting progress.

export type Progress = (loaded: number, total: number) => void;

export class AssetMissingError extends Error {}

export async function fetchAsset(url: string, onProgress: Progress): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (response.status === 404) throw new AssetMissingError(`${url}: not found`);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get("content-length") ?? 0);
  let loaded = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        onProgress(loaded, Math.max(total, loaded));
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted).arrayBuffer();
}

export async function fetchJson<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  return (await response.json()) as T;
}
