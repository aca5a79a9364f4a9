/** One field of a handler's event payload, for the pickers of the block editor (`event.next.sales`). */
export type PayloadField = {
  /** Path under the event parameter: `['next', 'sales']`. */
  path: string[];
  /** What the developer reads: the field's title, or the payload key. */
  label: string;
  /** The TypeScript type of the value, e.g. `number`, `'East' | 'West'`. */
  type: string;
  /** Nested fields (`next` → the model's fields). */
  children?: PayloadField[];
};

/** What a kind's handler receives, as the block editor's header and pickers show it. */
export type HandlerPayload = {
  /** The payload's type as handler code names it: `ModelEvent<Models.Order, 'afterCreate'>`. */
  type: string;
  /** A line saying what the payload is. */
  title: string;
  fields: PayloadField[];
  /** What the handler returns. */
  returns: string;
};
