import { verify } from '../protocol/signer/verify';
import { addressKind, parseIp } from '../shared/network/ip-address';
import { GATE_CODES, type GateCode } from './gate-codes';
import { rejectionBody } from './gate-messages';
import type { ApiAnswer, SandboxContext } from './sandbox-context';
import type { SandboxProject } from './sandbox-types';

/** A request that passed the project and signature checks. */
export interface AuthenticatedRequest {
  readonly project: SandboxProject;
  readonly body: Record<string, unknown>;
}

/** HTTP status of a rejection; "not found" gets 404, every other rejection 400 (unconfirmed). */
export function rejection(code: GateCode, detail?: string, field?: string): ApiAnswer {
  const message = detail ? `${code.message}: ${detail}` : code.message;
  const httpStatus = code.code === GATE_CODES.transactionNotFound.code ? 404 : 400;
  return { httpStatus, body: rejectionBody(code.code, message, field) };
}

/** Reads a dotted path (`general.project_id`) of a JSON body. */
export function field(body: unknown, path: string): unknown {
  let value: unknown = body;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Checks in Gate's order: a JSON object, a project id, a known project, a signature that is
 * present, then one that matches (general.signature, as requests carry it).
 */
export function authenticate(ctx: SandboxContext, body: unknown): AuthenticatedRequest | ApiAnswer {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return rejection(GATE_CODES.invalidJson, 'the body must be a JSON object');
  }
  const projectId = field(body, 'general.project_id');
  if (projectId === undefined || projectId === null || projectId === '') {
    return rejection(GATE_CODES.requiredField, 'general.project_id', 'general.project_id');
  }
  const project = ctx.projects.get(Number(projectId));
  if (!project || !/^\d+$/.test(String(projectId))) {
    return rejection(GATE_CODES.projectNotFound, String(projectId), 'general.project_id');
  }
  const signature = field(body, 'general.signature');
  if (signature === undefined || signature === null || signature === '') {
    return rejection(GATE_CODES.emptySignature, undefined, 'general.signature');
  }
  if (!verify(body, project.secret).valid) {
    return rejection(GATE_CODES.invalidSignature, undefined, 'general.signature');
  }
  return { project, body: body as Record<string, unknown> };
}

/** The first of `paths` missing from `body`, as a 2004 rejection naming the field. */
export function missingField(body: unknown, paths: readonly string[]): ApiAnswer | undefined {
  for (const path of paths) {
    const value = field(body, path);
    if (value === undefined || value === null || value === '') {
      return rejection(GATE_CODES.requiredField, path, path);
    }
  }
  return undefined;
}

/** A positive integer amount in minor units, or a 502 naming the field. */
export function positiveInteger(body: unknown, path: string): number | ApiAnswer {
  const value = field(body, path);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    return rejection(
      GATE_CODES.validationError,
      `${path} must be a positive integer in minor units`,
      path,
    );
  }
  return value;
}

/** True for an ApiAnswer (a rejection) rather than a value. */
export function isAnswer(value: unknown): value is ApiAnswer {
  return typeof value === 'object' && value !== null && 'httpStatus' in value && 'body' in value;
}

/**
 * The customer's IP address must be an address, and not this machine's (`127.0.0.1`, `::1`)
 * or the unspecified one: a 502 naming the field, as Gate refuses a value it cannot use.
 */
export function customerIpRejection(body: unknown): ApiAnswer | undefined {
  const value = field(body, 'customer.ip_address');
  const address = typeof value === 'string' ? parseIp(value) : undefined;
  if (!address)
    return rejection(
      GATE_CODES.validationError,
      'customer.ip_address is not an IPv4 or IPv6 address',
      'customer.ip_address',
    );
  const kind = addressKind(address);
  if (kind === 'loopback' || kind === 'unspecified')
    return rejection(
      GATE_CODES.validationError,
      `customer.ip_address ${String(value)} is a ${kind} address, not the customer's`,
      'customer.ip_address',
    );
  return undefined;
}

/** `return_url.return` (and `success` when present) must be http(s) URLs the phone can open. */
export function returnUrlRejection(body: unknown): ApiAnswer | undefined {
  for (const path of ['return_url.return', 'return_url.success']) {
    const value = field(body, path);
    if (value === undefined && path.endsWith('success')) continue;
    if (!isWebUrl(String(value)))
      return rejection(GATE_CODES.validationError, `${path} is not a URL`, path);
  }
  return undefined;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
