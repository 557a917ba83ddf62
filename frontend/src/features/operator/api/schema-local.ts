/**
 * The operator API's shapes until `npm run gen:api` brings them into `lib/api/schema.d.ts` (the
 * "Operator API" commit on main): the same names and fields, so switching is replacing this file's
 * imports with `components['schemas'][...]` and the client cast with `api`.
 */
import type { Client } from 'openapi-fetch';
import { api } from '../../../lib/api';

export type PartnerClientView = {
  client_id: string;
  name: string;
  /** Absent: no webhooks are sent. */
  webhook_url?: string;
  /** `null`: every event type. */
  webhook_events: string[] | null;
  created_at: string;
  /** Absent: never rotated. */
  secret_rotated_at?: string;
};
export type PartnerClientList = { items: PartnerClientView[] };
export type PartnerSecretsView = { client_id: string; client_secret: string; webhook_secret: string };
export type CreatePartnerClient = {
  client_id: string;
  name: string;
  webhook_url?: string | null;
  webhook_events?: string[] | null;
};
export type UpdatePartnerClient = {
  name?: string | null;
  webhook_url?: string | null;
  webhook_events?: string[] | null;
};
export type OutboxItem = {
  id: string;
  channel: 'email' | 'sms' | 'webhook';
  to: string;
  kind: string;
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  last_error?: string | null;
  next_attempt_at: string;
  created_at: string;
};
export type OutboxPage = { items: OutboxItem[]; next_cursor?: string };

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = { headers: { [name: string]: unknown }; content: { 'application/problem+json': unknown } };
type Failures = { 400: Problem; 401: Problem; 403: Problem; 404: Problem; 409: Problem; 422: Problem };
type Params<Path> = {
  query?: never;
  header?: never;
  path: Path;
  cookie?: never;
};
type Op<P, Ok> = { parameters: P; requestBody?: never; responses: Ok & Failures };
type OpWithBody<P, Body, Ok> = {
  parameters: P;
  requestBody: { content: { 'application/json': Body } };
  responses: Ok & Failures;
};
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type PathItem = {
  parameters: NoParams;
  get?: never;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};

export type OperatorPaths = {
  '/api/v1/partner-clients': Omit<PathItem, 'get' | 'post'> & {
    get: Op<NoParams, { 200: Json<PartnerClientList> }>;
    post: OpWithBody<NoParams, CreatePartnerClient, { 201: Json<PartnerSecretsView> }>;
  };
  '/api/v1/partner-clients/{client_id}': Omit<PathItem, 'patch'> & {
    patch: OpWithBody<Params<{ client_id: string }>, UpdatePartnerClient, { 200: Json<PartnerClientView> }>;
  };
  '/api/v1/partner-clients/{client_id}/rotate-secret': Omit<PathItem, 'post'> & {
    post: Op<Params<{ client_id: string }>, { 200: Json<PartnerSecretsView> }>;
  };
  '/api/v1/outbox': Omit<PathItem, 'get'> & {
    get: Op<
      { query?: { status?: OutboxItem['status']; limit?: number; cursor?: string }; header?: never; path?: never; cookie?: never },
      { 200: Json<OutboxPage> }
    >;
  };
  '/api/v1/outbox/{id}/retry': Omit<PathItem, 'post'> & {
    post: Op<Params<{ id: string }>, { 202: { headers: { [name: string]: unknown }; content?: never } }>;
  };
};

/** The app's one client (same middleware: language, token, refresh), typed for these paths. */
export const operatorApi = api as unknown as Client<OperatorPaths>;
