"""The targets of every scenario, and what bounds each one today (shown in the report when a target is missed).

The history of past measurements and experiments is in scripts/bench/README.md ("History of measurements").
"""

from __future__ import annotations


def at_least(x: float) -> tuple[str, object]:
    return f"≥ {x:g}×", lambda r: r >= x


def at_most(x: float, suffix: str = "") -> tuple[str, object]:
    return f"p99 ≤ {x:g}×{suffix}", lambda r: r <= x


# (target text, predicate on the ratio); per database where they differ.
TARGETS = {
    "bare framework": at_least(0.8),
    "authenticated read": {"sqlite": at_least(0.2), "postgres": at_least(0.12)},
    "token refresh": at_least(0.05),
    "accept": at_least(0.3),
    "full login": at_least(0.85),
    "read latency": at_most(3, " unloaded"),
    "growth": at_most(1.5),
}
MEMORY = {"idle_mib": 50, "peak_mib": 300}
SPA_JS_KB = 200
SPA_INTERACTIVE_MS = 1000
# Lighthouse, mobile form factor, simulated throttling (Lighthouse 12's defaults: slow 4G, 4× CPU slowdown).
LIGHTHOUSE = {"performance": 95, "accessibility": 100, "best-practices": 100, "fcp_ms": 1800, "cls": 0.05}
SHELL_MS = 5000  # /sign-in's <h1> visible over 400 kbit/s with 400 ms round trips, cold cache


def target(key: str, db: str) -> tuple[str, object]:
    t = TARGETS[key]
    return t[db] if isinstance(t, dict) else t


def bound_key(scenario: str) -> str:
    for k in ("bare framework", "authenticated read", "full login", "token refresh", "accept", "read latency", "growth", "memory",
              "SPA initial", "SPA login", "SPA shell", "Lighthouse"):
        if scenario.startswith(k):
            return k
    return scenario


BOUNDS = {
    "bare framework": "`/healthz` runs the middleware that `hello` lacks: request id, tracing span, Prometheus metrics, security "
                      "headers, CORS and one JSON access-log line per request, formatted on the event loop and written by the "
                      "log thread. The `SITECARD_LOG=warn` diagnostic line shows what the logging costs (formatting the "
                      "timestamp and fields, JSON escaping, and the log thread's writes on the same two cores); health "
                      "probes are logged like any request, so the line measures what every route pays.",
    "authenticated read": "Each read verifies the JWT (once per token), finds its session, account and verified person in memory "
                          "(`SITECARD_SESSION_CACHE`; the diagnostic line shows the read without it) and runs one statement "
                          "returning one row: the order joined with its company, its status history aggregated into a JSON "
                          "column. On SQLite that statement runs on a connection the read handle keeps (one round trip to its "
                          "thread; a pooled connection costs a second one, sqlx's ping as it returns to the pool). What "
                          "remains is sqlx's design: the statement goes to the connection's thread (SQLite) or socket "
                          "(PostgreSQL) and the row comes back through a channel, each hand-off a futex wake-up of a parked "
                          "thread: about 30% of the CPU in the kernel's thread switches and wake-ups on two shared cores, more "
                          "on VMs where a cross-CPU wake-up is an interrupt. Then jemalloc and SQLite's own (glibc) mallocs, "
                          "sea-query writing the SQL text, sea-orm decoding ~35 columns by name and the identity check, each "
                          "a few per cent; SQLite itself is under 2%.",
    "full login": "Besides the one argon2id verify, a sign-in is three HTTP requests and about twenty statements; on PostgreSQL each "
                  "is a round trip, and the backends' CPU is taken from the argon2 threads, which run at the lowest priority so "
                  "that the event loop stays responsive.",
    "token refresh": "One read (the token with its session and account), one atomic INSERT…SELECT that spends the token, stores "
                     "its successor and touches the session (a trigger), and an Ed25519 signature. On SQLite the insert queues on "
                     "the one writer connection with its WAL commit, and sqlx pings that connection each time it goes back "
                     "to its pool: a second hand-off to its thread before the next writer may have it. On PostgreSQL the "
                     "backends (the `database` column) share the two cores.",
    "accept": "About thirteen statements in one write transaction (order, status event, email, webhooks, the audit chain, "
              "serialised by an advisory lock on PostgreSQL); on SQLite all writers queue on the one writer connection.",
    "read latency": "argon2id and the event loop share the two cores with PostgreSQL and wrk; the hashes' idle priority orders them "
                    "only within the server's own autogroup, not against PostgreSQL's backends. A ratio of tails: the least "
                    "repeatable line of the report.",
    "growth": "See the plans above: the statements stay index lookups, so the page latency is its round trips, not the table size.",
    "memory": "The peak follows argon2id's 19 MiB working memory per hashing thread (one per core, buffers reused), SQLite's "
              "page cache per pooled connection, and the allocator's arenas.",
    "SPA initial": "",
    "SPA login": "",
    "SPA shell": "The `<h1>` appears once `index.html`, the entry script and its CSS have arrived at 400 kbit/s with 400 ms per "
                 "round trip: their bytes and the round trips before the first render bound it.",
    "Lighthouse": "The SPA renders in the browser: under the simulated slow 4G (150 ms round trips, 1.6 Mbit/s) and 4× CPU "
                  "slowdown the first paint is the page shell in index.html (the app's scripts are fetched at low priority and block "
                  "no paint); the largest paint waits for the entry script, the texts and, on a signed-in page, its lazily "
                  "loaded chunk and, one after the other, the token refresh and its API reads.",
}
