/**
 * Lets the event loop take a whole turn (timers, then new I/O) before going on. One setImmediate
 * is not enough after a database answer: code continuing from an I/O callback (the poll phase)
 * sees its immediate run in the same turn's check phase, straight after, with no timer or request
 * served in between; an immediate queued from the check phase waits for the next turn.
 */
export const yieldToEventLoop = () =>
  new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
