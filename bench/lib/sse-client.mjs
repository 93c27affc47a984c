// One Server-Sent Events client of a roadmap's stream, for the benches.

/** Opens an event stream; calls onEvent(data, arrivalMs) for each event. */
export async function openStream(base, token, roadmapId, onEvent) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/roadmaps/${roadmapId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (res.status !== 200) throw new Error(`events: ${res.status}`);
  // One decoder per stream and no stream pipeline: with a thousand streams in this one process, the
  // client's own cost per event would otherwise be a good part of what is measured.
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let hello;
  const ready = new Promise((resolve) => (hello = resolve));
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        // Wall-clock milliseconds, comparable across worker threads.
        const at = performance.timeOrigin + performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (!data) continue;
          const event = JSON.parse(data.slice(6));
          if (event.type === "hello") hello();
          onEvent(event, at);
        }
      }
    } catch {
      // closed
    }
  })();
  await ready;
  return () => abort.abort();
}
