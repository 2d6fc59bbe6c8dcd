/**
 * Work that can be split across turns of the event loop: a generator that yields wherever it
 * may stop for a while, and returns its result. The same code then runs in one go (the CLI,
 * tests, a small file) or a slice at a time (a server reading a 20,000-member roster keeps
 * answering hovers meanwhile), in Node and in a browser worker alike.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the work to its end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long one slice may hold the event loop before others get a turn. */
export const TURN_MS = 25;

/**
 * Runs the work a slice at a time: after each TURN_MS of it, `pause` lets queued messages be
 * handled. A yield costs a clock reading, so work should yield every few hundred units.
 */
export async function runStepsInTurns<T>(steps: Steps<T>, pause: () => Promise<void>, turnMs = TURN_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= turnMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
