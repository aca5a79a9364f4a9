import type { HandlerRef } from '@whenthen/schema';
import type { Translate } from '../../i18n';
import { addError } from '../errors';
import type { FieldErrors } from '../types';

/** A service handler whose function is not chosen yet (picking "Service function" leaves it empty). */
export const handlerIncomplete = (handler: HandlerRef): boolean =>
  handler.type === 'service' && (!handler.service || !handler.function);

/**
 * Refuses OK/Save while a service handler has no function, in the user's language: the schema would
 * say it as a name pattern and a string length. The kinds that run the schema drop its handler
 * issues while this one applies.
 */
export function validateHandler(handler: HandlerRef, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (handlerIncomplete(handler)) addError(errors, 'handler', t('handler.functionRequired'));
  return errors;
}
