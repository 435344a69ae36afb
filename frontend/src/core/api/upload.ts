import type { FetchFn } from "./http";

/** Answers that carry no body (the Response constructor refuses one for them). */
const NO_BODY = [204, 205, 304];

/**
 * A fetch over XMLHttpRequest that tells how much of the request body was sent (`fetch` cannot): the import
 * wizard's bar moves while a large file uploads, before the server reads a row. Answers and failures look like
 * fetch's, so `sendJson` handles them as for every other call.
 */
export function uploadingFetch(onProgress: (sent: number, total: number) => void): FetchFn {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? "GET", input);
      for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>))
        xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total);
      };
      xhr.onload = () =>
        resolve(
          new Response(NO_BODY.includes(xhr.status) ? null : xhr.responseText, {
            status: xhr.status,
            headers: { "Content-Type": xhr.getResponseHeader("Content-Type") ?? "" },
          }),
        );
      xhr.onerror = () => reject(new TypeError("Failed to fetch"));
      xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
      init.signal?.addEventListener("abort", () => xhr.abort());
      xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
    });
}
