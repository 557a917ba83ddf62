// Sitecard partner quickstart in TypeScript: the code that docs/partners.md shows, region by region.
//
//   npx tsx quickstart.ts               get a token, review the oldest photo, produce the oldest confirmed order
//   npx tsx quickstart.ts receive PORT  serve a webhook receiver on 127.0.0.1:PORT (0: any free port)
//
// Settings come from the environment: SITECARD_URL, SITECARD_CLIENT_ID, SITECARD_CLIENT_SECRET and
// SITECARD_WEBHOOK_SECRET. `sitecard-api.d.ts` is generated from Sitecard's OpenAPI document with
// openapi-typescript (see docs/partners.md, "Regenerate your client"). `scripts/partner-docs-test.sh` type-checks
// this file and runs it against a real server.

import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// #region imports
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./sitecard-api";

type Api = Client<paths>;
type Problem = components["schemas"]["Problem"];
type ProductionEvent = components["schemas"]["ProductionEvent"];
// #endregion

// #region errors
/** An answer other than 2xx: `code` is the problem's stable `code` (switch on it, never on `detail`). */
export class SitecardError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: string | null,
  ) {
    super(`${status} ${code}: ${detail ?? ""}`);
  }
}

type Answer = { data?: unknown; error?: unknown; response: Response };

/** Runs one openapi-fetch call; 429 answers are retried after `Retry-After` seconds, other errors throw. */
async function call<T extends Answer>(request: () => Promise<T>, attempts = 3): Promise<Extract<T, { error?: never }>> {
  for (let attempt = 1; ; attempt++) {
    const answer = await request();
    const { response } = answer;
    if (response.status === 429 && attempt < attempts) {
      await new Promise((wake) => setTimeout(wake, Number(response.headers.get("retry-after") ?? "1") * 1000));
      continue;
    }
    if (!response.ok) {
      const problem = answer.error as Problem | undefined;
      throw new SitecardError(response.status, problem?.code ?? "unexpected_status", problem?.detail);
    }
    return answer as Extract<T, { error?: never }>;
  }
}
// #endregion

// #region token
/** A client carrying a partner access token (valid `expires_in` seconds: 10 minutes; ask for a new one then). */
export async function signIn(baseUrl: string, clientId: string, clientSecret: string): Promise<Api> {
  const anonymous = createClient<paths>({ baseUrl });
  const { data } = await call(() =>
    anonymous.POST("/api/v1/oauth/token", {
      body: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${data.access_token}` } });
}
// #endregion

// #region pagination
type Queue = "/api/v1/partner/photo-reviews" | "/api/v1/partner/production-orders";

/** Every item of a paged list: `limit` is 1..100, and `next_cursor` is absent on the last page. */
async function* allPages(api: Api, path: Queue, pageSize = 100, status?: string) {
  let cursor: string | undefined;
  for (;;) {
    const { data } = await call(() => api.GET(path, { params: { query: { status, limit: pageSize, cursor } } }));
    yield* data.items;
    if (!data.next_cursor) return;
    cursor = data.next_cursor;
  }
}
// #endregion

// #region photo-review
/** Stand-in for your own review (a person, sharp, no sunglasses, ...): here only "is it a JPEG?". */
function looksLikeAPortrait(jpeg: Uint8Array): boolean {
  return jpeg[0] === 0xff && jpeg[1] === 0xd8 && jpeg[2] === 0xff;
}

/** Looks at the oldest portrait waiting for review and approves or rejects it. */
async function reviewOldestPhoto(api: Api): Promise<string | null> {
  for await (const waiting of allPages(api, "/api/v1/partner/photo-reviews", 1)) {
    const photo = await call(() =>
      api.GET("/api/v1/card-orders/{id}/photo", { params: { path: { id: waiting.id } }, parseAs: "arrayBuffer" }),
    );
    const decision = looksLikeAPortrait(new Uint8Array(photo.data))
      ? { decision: "approved" as const }
      : { decision: "rejected" as const, reason: "The portrait is not a usable photo." };
    const { data: order } = await call(() =>
      api.POST("/api/v1/partner/photo-reviews/{order_id}", { params: { path: { order_id: waiting.id } }, body: decision }),
    );
    console.log(`photo of order ${order.id}: ${decision.decision}, order now ${order.status}`);
    return order.id;
  }
  return null;
}
// #endregion

// #region production-queue
/** The production queue, oldest first: orders the cardholder confirmed, with holder and delivery data. */
async function oldestConfirmedOrder(api: Api) {
  for await (const order of allPages(api, "/api/v1/partner/production-orders", 100, "confirmed")) {
    const { holder, delivery } = order;
    console.log(`to produce: ${order.id} ${holder.given_names} ${holder.surname}, to ${delivery.recipient}, ${delivery.city}`);
    return order;
  }
  return null;
}
// #endregion

// #region events
/** Reports one production step. Keep `key` with the step: sending the same step again with the same key
 * (after a timeout, a crash, ...) answers the first result again, with `Idempotent-Replayed: true`. */
function sendEvent(api: Api, orderId: string, event: ProductionEvent, key: string) {
  return call(() =>
    api.POST("/api/v1/partner/production-orders/{id}/events", {
      params: { path: { id: orderId }, header: { "Idempotency-Key": key } },
      body: event,
    }),
  );
}

async function produce(api: Api, orderId: string) {
  const cardNumber = `TS${String(randomInt(0, 10 ** 10)).padStart(10, "0")}`; // two capital letters, ten digits
  const now = () => new Date().toISOString();
  const steps: ProductionEvent[] = [
    { type: "accepted", occurred_at: now() },
    { type: "produced", card_number: cardNumber, occurred_at: now() },
    { type: "shipped", tracking_number: "PN123456789SE", occurred_at: now() },
    { type: "delivered", occurred_at: now() },
  ];
  for (const step of steps) {
    const { data: order } = await sendEvent(api, orderId, step, `${orderId}:${step.type}`); // one key per order and step
    console.log(`order ${orderId}: ${step.type} -> ${order.status}`);
  }
  // A retry of the last step (as after a lost answer): the same answer again, nothing happens twice.
  const last = steps[steps.length - 1];
  const replay = await sendEvent(api, orderId, last, `${orderId}:${last.type}`);
  const replayed = replay.response.headers.get("idempotent-replayed") === "true";
  console.log(`order ${orderId}: delivered again -> ${replay.data.status}, replayed: ${replayed}`);
  return { produced: orderId, card_number: cardNumber, replayed };
}
// #endregion

// #region webhook-verify
export const TOLERANCE_SECONDS = 300;

/** `Sitecard-Signature: t=<unix>,v1=<hex>`: v1 is HMAC-SHA256, keyed with your webhook secret, of the bytes
 * "<t>.<raw body>". Check it against the raw bytes you received, before parsing any JSON. */
export function verifySignature(secret: string, header: string, rawBody: Buffer, nowUnix = Date.now() / 1000): boolean {
  const pairs = header.split(",").map((part) => {
    const at = part.indexOf("=");
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  });
  const timestamp = pairs.find(([name]) => name === "t")?.[1] ?? "";
  if (!/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowUnix - Number(timestamp)) > TOLERANCE_SECONDS) return false; // too old (or from the future)
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest();
  return pairs.some(
    ([name, value]) => name === "v1" && /^[0-9a-f]{64}$/.test(value) && timingSafeEqual(expected, Buffer.from(value, "hex")),
  );
}
// #endregion

// #region webhook-receiver
interface WebhookEvent {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}

/** Your work for one event: keep it short (answer within 10 s), queue anything slow. */
function handleEvent(event: WebhookEvent): void {
  console.log(JSON.stringify(event));
}

export function serveWebhooks(port: number, secret: string): void {
  const seen = new Set<string>(); // event ids already handled; keep them in your database
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answer = (status: number, note: string) => {
        console.error(`webhook: ${status} ${note}`);
        response.writeHead(status).end();
      };
      const raw = Buffer.concat(chunks);
      if (!verifySignature(secret, String(request.headers["sitecard-signature"] ?? ""), raw)) {
        return answer(401, "bad or stale signature");
      }
      let event: WebhookEvent;
      try {
        event = JSON.parse(raw.toString("utf8")) as WebhookEvent;
      } catch {
        return answer(400, "not an event");
      }
      if (typeof event?.id !== "string") return answer(400, "not an event");
      if (seen.has(event.id)) return answer(204, `duplicate ${event.id}`); // a retry of an event already handled
      handleEvent(event);
      seen.add(event.id);
      return answer(204, `handled ${event.id}`);
    });
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
}
// #endregion

// #region main
function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main() {
  if (process.argv[2] === "receive") return serveWebhooks(Number(process.argv[3]), setting("SITECARD_WEBHOOK_SECRET"));
  const api = await signIn(setting("SITECARD_URL"), setting("SITECARD_CLIENT_ID"), setting("SITECARD_CLIENT_SECRET"));
  const summary: Record<string, unknown> = { reviewed: await reviewOldestPhoto(api) };
  const order = await oldestConfirmedOrder(api);
  if (order) Object.assign(summary, await produce(api, order.id));
  console.log(JSON.stringify({ summary }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
// #endregion
