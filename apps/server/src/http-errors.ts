import { WhenThenError, type ErrorDetail } from '@whenthen/runtime';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export type ErrorEnvelope = {
  error: { code: string; message: string; details?: ErrorDetail[]; executionId?: string };
};

/** Every failure leaves as the same envelope; nothing a client sends produces a 500. */
export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof WhenThenError) {
    const body: ErrorEnvelope = { error: { code: error.code, message: error.message } };
    if (error.details) body.error.details = error.details;
    if (error.executionId) body.error.executionId = error.executionId;
    return reply.status(error.status).send(body);
  }
  const fe = error as FastifyError;
  if (
    fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fe instanceof SyntaxError ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  )
    return reply.status(400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The body is not valid JSON',
        details: [{ field: 'body', reason: fe.message }],
      },
    });
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return reply.status(400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Send JSON (Content-Type: application/json)',
        details: [{ field: 'body', reason: fe.message }],
      },
    });
  if (fe.code === 'FST_ERR_BAD_URL')
    return reply.status(400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The URL is not valid',
        details: [{ field: 'url', reason: fe.message }],
      },
    });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return reply.status(fe.statusCode === 413 ? 413 : 400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: fe.message,
        details: [{ field: 'request', reason: fe.message }],
      },
    });
  request.log.error(error);
  return reply
    .status(500)
    .send({ error: { code: 'INTERNAL', message: 'Internal error; see the server log' } });
}

export function badQuery(field: string, reason: string): WhenThenError {
  return new WhenThenError('VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);
}
