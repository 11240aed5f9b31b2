import type { z } from 'zod';

/** Declares a channel: its input schema and (phantom) output type: channel<Out>()(inputSchema). */
export function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}
