export type BlockEditErrorCode =
  /** The document has a parse error: fix the code first. */
  | 'HAS_ERROR'
  /** The code given does not match the document. */
  | 'STALE_DOCUMENT'
  | 'UNKNOWN_BLOCK'
  | 'UNKNOWN_SLOT'
  | 'UNKNOWN_PARAM'
  /** The parameter cannot be removed. */
  | 'REQUIRED_PARAM'
  /** The text given is not what the place needs (an expression, a name), or the result would not parse. */
  | 'INVALID_TEXT'
  /** The block cannot go where it was asked to (inside itself, inside a block without slots). */
  | 'INVALID_TARGET'
  /** Blocks to wrap together must sit side by side in one list. */
  | 'NOT_SIBLINGS';

/** A block edit that cannot be made; the code is left as it was. */
export class BlockEditError extends Error {
  readonly code: BlockEditErrorCode;

  constructor(code: BlockEditErrorCode, message: string) {
    super(message);
    this.name = 'BlockEditError';
    this.code = code;
  }
}
