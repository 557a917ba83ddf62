"""The targets of every scenario, and what bounds each one today (shown in the report when a target is missed).

The history of past measurements and experiments is in scripts/bench/README.md ("History of measurements").
"""

from __future__ import annotations


def at_least(x: float) -> tuple[str, object]:
    return f"≥ {x:g}×", lambda r: r >= x


def at_most(x: float, suffix: str = "") -> tuple[str, object]:
    return f"p99 ≤ {x:g}×{suffix}", lambda r: r <= x


# (target text, predicate on the ratio); per database where they differ (BOUNDS, below, likewise).
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


def bound(scenario: str, db: str) -> str:
    """What bounds `scenario` on `db` today: one paragraph, shared by the lines it explains."""
    b = BOUNDS.get(bound_key(scenario), "")
    return b.get(db, "") if isinstance(b, dict) else b


def bound_key(scenario: str) -> str:
    for k in ("bare framework", "authenticated read", "full login", "token refresh", "accept", "read latency", "growth", "memory",
              "SPA initial", "SPA login", "SPA shell", "Lighthouse"):
        if scenario.startswith(k):
            return k
    return scenario


# What bounds each scenario, from `perf record -a -g` on the release server under the scenario's wrk load (2 cores,
# AMD EPYC VM, 2026-12-07; scripts/bench/README.md has the history). A value per database where they differ.
BOUNDS = {
    "bare framework": "A flat profile: the server's threads take about 55% of the machine (24 points of it the kernel's "
                      "socket work, which `hello` pays too) and wrk 28%; in Sitecard's own code no function reaches 1%. What "
                      "`hello` lacks is spread over a dozen parts: the request id, the request's tracing span, CORS, the seven "
                      "security headers inserted into every answer, the Prometheus counter and histogram found by their labels, "
                      "and the JSON access line (formatted on the event loop, handed to the log thread), which is the largest "
                      "at about 7% of the machine: the `SITECARD_LOG=warn` diagnostic line is the same server without it. "
                      "What would close the gap is not logging requests (health probes included) or a formatter of our own: "
                      "neither is worth an operator's access line or a well-kept library.",
    "authenticated read": {
        "sqlite": "Each read verifies the JWT (once per token), finds its session, account and verified person in memory "
                  "(`SITECARD_SESSION_CACHE`; the diagnostic line shows the read without it) and runs one statement "
                  "returning one row on a connection the read handle keeps: the order joined with its company, its "
                  "status history aggregated into a JSON column. What remains is sqlx's design: the statement goes to "
                  "the connection's thread and the row comes back through a channel, each hand-off a futex wake-up of a "
                  "parked thread (about 30% of the CPU in the kernel's thread switches and wake-ups on two shared "
                  "cores); then the allocators, sea-query writing the SQL text and sea-orm decoding ~35 columns by name, "
                  "a few per cent each; SQLite itself is under 2%.",
        "postgres": "The same one statement per read (the session, account and person come from memory), prepared once "
                    "per connection and planned once (no planner in the profile). PostgreSQL's backends take about 35% of "
                    "the machine: 6 points starting the executor for the join, the correlated subquery that aggregates "
                    "the status history and its sort (`ExecInitNode`, `ExecInitAgg`), 11 running it, 4 reading the "
                    "socket; the server 53% (a third of it the kernel's socket and wake-up work), wrk 8%. Every read is "
                    "one round trip to a backend on the same two cores: the ratio follows how expensive a cross-process "
                    "wake-up is on the host.",
    },
    "token refresh": {
        "sqlite": "A chain, not the CPU: the machine is about 30% idle. Each rotation is one read on a read connection, "
                  "then one INSERT…SELECT (spending the token, storing its successor and touching the session by trigger) "
                  "that waits its turn on SQLite's one writer connection: a hand-off to the writer's thread and back, "
                  "futex wake-ups that put 13% of the machine into the SQLite threads' kernel time, and the WAL append. "
                  "The access token's Ed25519 signature is 6%. The WAL is copied back into the database by a passive "
                  "checkpoint every second from a read connection, not inside the commit that crosses its size limit, "
                  "so what is left is the writer queue itself.",
        "postgres": "PostgreSQL's backends take about 60% of the machine, the server 26%, wrk 5%. Per rotation: the read "
                    "(token joined with its session and account), the INSERT whose trigger updates two rows, and the "
                    "commit's WAL flush. On a fresh database the first plans of the refresh-token lookups are sequential "
                    "scans (the table is nearly empty when the server's connections first plan them), which PostgreSQL "
                    "keeps until autovacuum analyses the table: the first round of a run is the lowest. Fewer statements "
                    "would need the token's read and its spending merged into one statement that also returns the "
                    "account, i.e. the rules of `rotate_refresh_token` moved into SQL.",
    },
    "full login": {
        "sqlite": "argon2id's two threads take 87% of the machine, SQLite's threads 5.5%, the event loop (three HTTP "
                  "requests per sign-in) 5%, wrk 1%: the ratio can reach about 0.87× and the rounds straddle 0.85×.",
        "postgres": "argon2id's two threads take 76% of the machine, PostgreSQL's backends 12% (about twenty statements "
                    "per sign-in: the throttles counted before the password is judged, the account, the challenge, the SMS "
                    "in the outbox, the audit chain, then the code's throttles, the session and its refresh token), the "
                    "event loop 7%. The argon2 threads run at the lowest priority so that requests stay responsive, so "
                    "every backend's CPU comes out of the hashes.",
    },
    "accept": "About thirteen statements in one write transaction (order, status event, email, webhooks, the audit chain, "
              "serialised by an advisory lock on PostgreSQL); on SQLite all writers queue on the one writer connection.",
    "read latency": "argon2id and the event loop share the two cores with PostgreSQL and wrk; the hashes' idle priority orders "
                    "them only within the server's own autogroup, not against PostgreSQL's backends, so a read's statement "
                    "waits behind hashes while a backend is descheduled. A ratio of tails: the least repeatable line of the "
                    "report, and the one that moves most between hosts.",
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
                  "loaded chunk and, one after the other, the token refresh and its API reads. The score that moves "
                  "with the host is the signed-in page's: its total blocking time, the entry script, the API client and "
                  "the page's chunk evaluated under the 4× slowdown, grows with the host's own slowness.",
}
