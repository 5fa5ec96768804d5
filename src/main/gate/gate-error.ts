/**
 * Everything that can go wrong with a Gate request, as a closed set. What the caller may do
 * next depends on the kind: only `rejected` and `network` prove that Gate did not act on it.
 */
export type GateError =
  /** Gate answered with an error: it refused the request and did nothing (`code`/`message` from Gate). */
  | {
      readonly kind: 'rejected';
      readonly httpStatus: number;
      readonly code: string;
      readonly message: string;
      readonly field?: string;
    }
  /** No connection could be made (refused, no route, DNS, TLS): the request never left. */
  | { readonly kind: 'network'; readonly message: string; readonly code?: string }
  /** No answer within the deadline: Gate may or may not have acted. Ask status. */
  | { readonly kind: 'timeout'; readonly message: string }
  /** The connection broke after the request was sent, or a 5xx without a Gate error body. */
  | {
      readonly kind: 'unknown_outcome';
      readonly message: string;
      readonly httpStatus?: number;
      readonly code?: string;
    }
  /** An answer that is not what Gate sends (bad JSON, wrong shape). */
  | { readonly kind: 'invalid_response'; readonly message: string; readonly httpStatus?: number }
  /** A signed answer (a status) whose signature does not verify with the project's secret. */
  | { readonly kind: 'unverified'; readonly message: string; readonly httpStatus: number };

/** The kinds of Gate error. */
export type GateErrorKind = GateError['kind'];

/** A Gate call's outcome. */
export type GateResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GateError };

/** True when the request may have been acted on by Gate, so its outcome must be reconciled. */
export function outcomeUnknown(error: GateError): boolean {
  return (
    error.kind === 'timeout' ||
    error.kind === 'unknown_outcome' ||
    error.kind === 'invalid_response' ||
    error.kind === 'unverified'
  );
}

/** One line for logs and the terminal, e.g. `Gate rejected the request: 3041 Payment ID already exists`. */
export function describeGateError(error: GateError): string {
  switch (error.kind) {
    case 'rejected':
      return `Gate rejected the request: ${error.code} ${error.message}`;
    case 'network':
      return `Cannot reach Gate: ${error.message}`;
    case 'timeout':
      return `Gate did not answer in time (${error.message}); the outcome is unknown`;
    case 'unknown_outcome':
      return `The outcome is unknown: ${error.message}`;
    case 'invalid_response':
      return `Gate sent an answer that cannot be trusted: ${error.message}`;
    case 'unverified':
      return `Gate's answer fails the signature check (most often a wrong secret key): ${error.message}`;
  }
}
