"""Growth on PostgreSQL: the company order list, accept and the gates' card status feed at 10k, 100k and 1M orders and
card status changes (a mixin of scenarios.Bench)."""

from __future__ import annotations

import os
import random
import re
import statistics
import time
import urllib.parse
import urllib.request
import json

from bounds import target
from data import OrderPool, PgDb, growth_base, growth_fill, reset_accept_pool, settle_outbox
from load import QUIET, SETTLE, CpuMeter, from_ops, ms, plain_measurement, pooled_percentile, probe_in_turn
from procs import ADMIN, CONTACT, WORKER, Api, Hello, Server, Session, fail, log

OPS = ("company order list, first page", "company order list, keyset page (random cursor)", "accept",
       "gate feed, page after a random cursor")


class PartnerToken:
    """The demo partner's client-credentials token (development mode), fetched again before its ten minutes end."""

    def __init__(self, base: str):
        self.base, self.value, self.at = base, "", 0.0

    def __call__(self) -> str:
        if time.time() - self.at > 300:
            form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "demo-partner",
                                           "client_secret": "demo-partner-secret"}).encode()
            with urllib.request.urlopen(urllib.request.Request(self.base + "/api/v1/oauth/token", data=form), timeout=30) as r:
                self.value, self.at = json.loads(r.read())["access_token"], time.time()
        return self.value


def lab(size: int) -> str:
    return f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"


class Growth:
    def run_growth(self, pg_server_url: str) -> None:
        """One database per size, each a copy of the previous one plus more orders, all served at once by their own
        server and measured together in rounds: the p99 ratio compares stages measured in turn, request by request."""
        cfg = self.cfg
        sizes = cfg["growth_sizes"]
        stages: list[dict] = []
        servers: list[Server] = []
        dbs: list[PgDb] = []
        log(f"[bench] --- growth (postgres): company order list, accept and gate feed with {lab(sizes[0])} → {lab(sizes[-1])} orders ---")
        try:
            prev = None
            for size in sizes:
                t0 = time.time()
                name = f"sitecard_bench_growth_{os.getpid()}_{lab(size).lower()}"
                db = PgDb(pg_server_url, name, template=prev["db"].name if prev else None)
                dbs.append(db)
                st = {**(prev or growth_base(db, self.bin_dir, cfg["growth_pool"])), "db": db}
                growth_fill(st, size)
                # The seeding's dirty pages are written now, not by a checkpoint in the middle of a measurement.
                db.sql("VACUUM ANALYZE card_orders; VACUUM ANALYZE order_events; VACUUM ANALYZE card_status_changes; CHECKPOINT;",
                       timeout=1800)
                # The question is what the table size costs; a commit's WAL flush costs the same at every size.
                db.admin(f"ALTER DATABASE {name} SET synchronous_commit = off")
                st["size"] = size
                st["total"] = int(db.sql("SELECT count(*) FROM card_orders"))
                log(f"[bench] growth: {st['total']:,} orders in {name} ({time.time() - t0:.1f}s to seed)")
                stages.append(st)
                prev = st

            for st in stages:
                self.growth_server(st)
                servers.append(st["server"])
            if cfg["warmup"]:
                for op in OPS:  # accepts too: otherwise the first round's accepts run on a cold stage
                    probe_in_turn([self.growth_target(st, op) for st in stages], cfg["warmup"], None)
            probe_cost = self.probe_cost()
            together = self.rounds([(op, lambda op=op: self.growth_measure(stages, op)) for op in OPS], cfg["growth_rounds"])
            got = {f"{st['size']}:{op}": [r[st["size"]] for r in together[op]] for op in OPS for st in stages}
            for st in stages:
                for op in OPS:
                    runs = got[f"{st['size']}:{op}"]
                    self.add(self.rounds_row(f"growth: {op}, {lab(st['size'])} orders", "postgres", runs, "req/s", "", None, pooled=True))
                self.growth_plans[st["size"]] = self.explain_growth(st["db"], st["size"], st["company"], st["worker_id"],
                                                                    st["cursors"][len(st["cursors"]) // 2], st["pool"][-1])

            # p99 from the smallest to the largest size, per operation: the median of the rounds' own ratios.
            first, last = sizes[0], sizes[-1]
            text, ok = target("growth", "postgres")
            for op in OPS:
                a_runs, b_runs = got[f"{first}:{op}"], got[f"{last}:{op}"]
                a_p99 = pooled_percentile([r["res"] for r in a_runs], 99)
                a_rate = statistics.median(r["rate"] for r in a_runs)
                row = self.rounds_row(f"growth: {op}, p99 {lab(first)} → {lab(last)}", "postgres", b_runs, "req/s",
                                      f"{lab(first)}: p99 {a_p99:.2f} ms, {a_rate:,.0f} req/s",
                                      [b["p99"] / a["p99"] if a["p99"] else 0.0 for a, b in zip(a_runs, b_runs)], text, ok, pooled=True)
                row.notes.append(f"p99 of all rounds pooled: {row.p99_ms / a_p99:.2f}×" if a_p99 else "no 10k p99")
                row.notes.append(probe_cost)
                idx = self.growth_plans.get(last, {})
                key = "list" if "list" in op else "feed" if "feed" in op else "accept"
                used = sorted(set(i for q, names in idx.items() if q.startswith(key) for i in names))
                row.notes.append(f"indexes used at {lab(last)}: {', '.join(used) or 'NONE'}")
                if any("Seq Scan" in self.explains.get(f"{last}:{q}", "") for q in idx if q.startswith(key)):
                    row.notes.append("a sequential scan appears in the plan")
                self.add(row)
            for st in stages:
                self.collect_problems(st["server"], f"growth {lab(st['size'])}")
        finally:
            SETTLE["fn"] = None
            for s in servers:
                s.stop()
            for db in dbs:
                db.drop()

    def growth_server(self, st: dict) -> None:
        """A server for one stage, signed-in users, and the ids the measurements use."""
        db, company, worker_id, demo_order = st["db"], st["company"], st["worker_id"], st["demo_order"]
        server = Server(self.bin_dir, db.url, self.work, f"server-growth-{st['size']}")
        st["server"] = server
        api = st["api"] = Api(server.url)
        st["admin"] = Session(api, *ADMIN)
        worker = st["worker"] = Session(api, *WORKER)
        api.expect(200, "PATCH", "/api/v1/me/contact", CONTACT, worker.token())
        me = api.expect(200, "GET", "/api/v1/me", token=st["admin"].token())
        if me["companies"][0]["id"] != company:
            fail(f"growth: admin's company {me['companies'][0]['id']} is not {company}")
        st["pool"] = db.sql(f"SELECT id FROM card_orders WHERE account_id = '{worker_id}' AND id <> '{demo_order}' ORDER BY id").split()
        st["orders"] = OrderPool(st["pool"], lambda: reset_accept_pool(db, demo_order))
        st["cursors"] = db.sql(f"SELECT id FROM card_orders WHERE company_id = '{company}' ORDER BY random() LIMIT 500").split()
        st["list_path"] = f"/api/v1/companies/{company}/card-orders?limit=20"
        page = api.expect(200, "GET", st["list_path"], token=st["admin"].token())
        if len(page["items"]) != 20 or not page["next_cursor"]:
            fail(f"growth: unexpected first page: {len(page['items'])} items")
        api.expect(200, "GET", f"{st['list_path']}&cursor={st['cursors'][0]}", token=st["admin"].token())
        st["partner"] = PartnerToken(server.url)
        st["feed_cursors"] = db.sql("SELECT seq FROM card_status_changes ORDER BY random() LIMIT 500").split()
        feed = api.expect(200, "GET", f"/api/v1/card-status-changes?limit=100&cursor={st['feed_cursors'][0]}", token=st["partner"]())
        if not feed["items"]:
            fail("growth: the gate feed answered an empty page after a random cursor")

    def growth_target(self, st: dict, op: str) -> dict:
        """What `probe_in_turn` sends to one stage for `op`: the list page (first, or after a random cursor) as the
        company admin, or an accept of the next fresh order of the stage's pool as the worker."""
        if op == "accept":
            ids = iter(st["orders"].take(self.cfg["growth_accept_per_round"]))
            headers = {"Authorization": f"Bearer {st['worker'].token()}", "Content-Type": "application/json"}

            def accept():
                order = next(ids, None)
                if order is None:
                    fail("growth: a round used up its accept orders; raise growth_accept_per_round")
                # A client address per request, as accept.lua sends: the per-IP throttles see many clients.
                ip = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
                return "POST", f"/api/v1/me/card-orders/{order}/accept", b'{"version":1}', {**headers, "X-Forwarded-For": ip}
            return {"url": st["server"].url, "next": accept, "ok": lambda status: status == 200}
        if op.startswith("gate feed"):
            cursors, token = st["feed_cursors"], st["partner"]

            def feed_page():
                auth = {"Authorization": f"Bearer {token()}", "X-Forwarded-For": "10.201.0.1"}
                return "GET", f"/api/v1/card-status-changes?limit=100&cursor={random.choice(cursors)}", None, auth
            return {"url": st["server"].url, "next": feed_page, "ok": lambda status: status == 200}
        headers = {"Authorization": f"Bearer {st['admin'].token()}", "X-Forwarded-For": "10.200.0.1"}
        path, cursors = st["list_path"], st["cursors"] if "keyset" in op else None
        page = (lambda: ("GET", f"{path}&cursor={random.choice(cursors)}", None, headers)) if cursors else (lambda: ("GET", path, None, headers))
        return {"url": st["server"].url, "next": page, "ok": lambda status: 200 <= status < 300}

    def growth_measure(self, stages: list[dict], op: str) -> dict[int, dict]:
        """One measurement of `op` on every stage in turn (`probe_in_turn`), by stage size."""
        cfg = self.cfg
        meter = CpuMeter(tuple(st["server"].pid for st in stages), tuple(st["db"].name for st in stages), probe=True)
        SETTLE["fn"] = lambda: [settle_outbox(st["db"], QUIET, cfg["settle"]) for st in stages]
        results = probe_in_turn([self.growth_target(st, op) for st in stages], cfg["growth"], meter)
        return {st["size"]: from_ops(res) if op == "accept" else plain_measurement(res) for st, res in zip(stages, results)}

    def probe_cost(self) -> str:
        """What the probe itself adds to each latency it measures: its round trips to `hello`, which answers from
        memory, for a second (the same on every stage of a comparison)."""
        hello = Hello(self.bin_dir, self.work)
        try:
            res = probe_in_turn([{"url": hello.url, "next": lambda: ("GET", "/healthz", None, {}), "ok": lambda st: st == 200}], 1, None)[0]
        finally:
            hello.stop()
        return f"the probe's own round trip (to `hello`): p50 {ms(res['latency_us']['p50']):.2f} ms, p99 {ms(res['latency_us']['p99']):.2f} ms"

    def explain_growth(self, db: PgDb, stage: int, company: str, worker_id: str, cursor: str, order_id: str) -> dict[str, list[str]]:
        """EXPLAIN ANALYZE of the statements the server runs (as logged by PostgreSQL), with real values."""
        other_company = db.sql(f"SELECT id FROM companies WHERE id <> '{company}' ORDER BY id LIMIT 1")
        feed_cursor = db.sql("SELECT seq FROM card_status_changes ORDER BY seq LIMIT 1 OFFSET (SELECT count(*) / 2 FROM card_status_changes)")
        cols = ", ".join(f'"card_orders"."{c}"' for c in db.columns("card_orders"))
        sel = f'SELECT {cols} FROM "card_orders" WHERE '
        queries = {
            "list: first page": f'{sel}"card_orders"."company_id" = \'{company}\' ORDER BY "card_orders"."id" DESC LIMIT 21',
            "list: first page of a smaller company": f'{sel}"card_orders"."company_id" = \'{other_company}\' '
                                                     f'ORDER BY "card_orders"."id" DESC LIMIT 21',
            "list: keyset page": f'{sel}"card_orders"."company_id" = \'{company}\' AND "card_orders"."id" < \'{cursor}\' '
                                 f'ORDER BY "card_orders"."id" DESC LIMIT 21',
            "feed: page after a cursor": 'SELECT "card_status_changes"."seq", "card_status_changes"."card_id", '
                                         '"card_status_changes"."card_number", "card_status_changes"."status", '
                                         '"card_status_changes"."valid_until", "card_status_changes"."changed_at" '
                                         f'FROM "card_status_changes" WHERE "card_status_changes"."seq" > {feed_cursor} '
                                         'AND "card_status_changes"."changed_at" < now() - interval \'2 seconds\' '
                                         'ORDER BY "card_status_changes"."seq" ASC LIMIT 100',
            "accept: order lookup": f'{sel}"card_orders"."id" = \'{order_id}\' AND ("card_orders"."account_id" = \'{worker_id}\' '
                                    f'OR "card_orders"."email" = \'{WORKER[0]}\') LIMIT 1',
            "accept: versioned update": f'UPDATE "card_orders" SET "status" = \'confirmed\', "version" = "version" + 1 '
                                        f'WHERE "card_orders"."id" = \'{order_id}\' AND "card_orders"."version" = 1',
            "accept: status history": f'SELECT "order_events"."id", "order_events"."order_id", "order_events"."status", "order_events"."at" '
                                      f'FROM "order_events" WHERE "order_events"."order_id" = \'{order_id}\' ORDER BY "order_events"."id" ASC',
        }
        used: dict[str, list[str]] = {}
        for name, q in queries.items():
            # The update is rolled back: EXPLAIN ANALYZE executes it.
            plan = db.sql(f"BEGIN; EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {q}; ROLLBACK;")
            self.explains[f"{stage}:{name}"] = plan
            used[name] = sorted(set(a or b for a, b in re.findall(r"(?:Index|Index Only) Scan(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+)", plan)))
        return used
