import type { z } from 'zod';

/**
 * Declares a channel: its input schema and (phantom) output type: channel<Out>()(inputSchema).
 * A channel whose answer travels in a more compact form names it too: channel<Out, Wire>();
 * shared/ipc/wire.ts turns Wire back into Out on the receiving side.
 */
export function channel<O, W = O>() {
  return <I extends z.ZodType>(input: I) => ({
    input,
    output: undefined as unknown as O,
    wire: undefined as unknown as W,
  });
}
