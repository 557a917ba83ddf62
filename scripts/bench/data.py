"""The bench databases (a SQLite file, fresh PostgreSQL databases) and their data on top of `sitecard seed-demo`.

Rows are copies of the seeded ones (same formats: on SQLite sqlx stores UUIDs as 16-byte BLOBs and timestamps as
RFC 3339 TEXT), with new ids and the columns that must differ overridden, so columns added later are copied along.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

from procs import WORKER, fail, log, run_sitecard


class Db:
    kind: str
    url: str

    def drop(self) -> None:
        pass


class SqliteDb(Db):
    kind = "sqlite"

    def __init__(self, workdir: Path):
        self.path = workdir / "bench.db"
        self.url = f"sqlite://{self.path}"

    def conn(self, timeout: float = 60) -> sqlite3.Connection:
        """`timeout`: how long a write waits for the server's writer to let go of the database."""
        return sqlite3.connect(self.path, timeout=timeout)

    def columns(self, c: sqlite3.Connection, table: str) -> list[str]:
        return [r[1] for r in c.execute(f"PRAGMA table_info({table})")]

    def copy_rows(self, c: sqlite3.Connection, table: str, src_where: str, n: int, overrides: dict[str, str]) -> None:
        """n copies of one row (found by `src_where`), with per-column SQL expressions over `g.n` (1..n)."""
        cols = self.columns(c, table)
        exprs = [overrides.get(col, f"src.{col}") for col in cols]
        c.execute(
            f"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {int(n)}) "
            f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM g, {table} AS src WHERE {src_where}"
        )


class PgDb(Db):
    kind = "postgres"

    def __init__(self, server_url: str, name: str, template: str | None = None):
        self.server_url = server_url.rstrip("/")
        self.name = name
        self.url = f"{self.server_url}/{name}"
        self.admin(f"DROP DATABASE IF EXISTS {name}")
        self.admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))

    def admin(self, sql: str) -> str:
        return psql(f"{self.server_url}/postgres", sql)

    def sql(self, sql: str, timeout: int = 900) -> str:
        return psql(self.url, sql, timeout=timeout)

    def columns(self, table: str) -> list[str]:
        return self.sql(f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position").split()

    def drop(self) -> None:
        try:
            self.admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        except SystemExit as e:
            log(f"bench: could not drop {self.name}: {e}")


def psql(url: str, sql: str, timeout: int = 300) -> str:
    r = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url], input=sql, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        fail(f"psql failed: {r.stderr.strip()}\n--- SQL ---\n{sql[:2000]}")
    return r.stdout.strip()


def pg_reachable(server_url: str) -> bool:
    if not shutil.which("psql"):
        return False
    r = subprocess.run(["psql", "-X", "-At", f"{server_url.rstrip('/')}/postgres", "-c", "select 1"], capture_output=True, text=True, timeout=20)
    return r.returncode == 0


def drop_leftover_pg(server_url: str) -> None:
    out = psql(f"{server_url.rstrip('/')}/postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'sitecard_bench_%'")
    for name in out.split():
        psql(f"{server_url.rstrip('/')}/postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def uuid_from_blob(b: bytes) -> str:
    return str(uuid.UUID(bytes=bytes(b)))


def seed_sqlite(db: SqliteDb, accounts: int, pool: int) -> dict:
    c = db.conn()
    with c:
        worker_id = c.execute("SELECT id FROM accounts WHERE email = ?", (WORKER[0],)).fetchone()[0]
        db.copy_rows(c, "accounts", f"src.email = '{WORKER[0]}'", accounts, {
            "id": "randomblob(16)",
            "email": "'bench-' || g.n || '@bench.test'",
            "phone": "'+4673' || substr('0000000' || g.n, -7, 7)",
            "person_id": "NULL",
            "roles": "'cardholder'",
        })
        demo_order = c.execute("SELECT id FROM card_orders WHERE account_id = ?", (worker_id,)).fetchone()[0]
        c.execute("CREATE TEMP TABLE bench_pool (id BLOB PRIMARY KEY)")
        cols = db.columns(c, "card_orders")
        exprs = {"id": "randomblob(16)", "status": "'awaiting_cardholder'", "version": "1"}
        c.execute(
            f"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {int(pool)}) "
            f"INSERT INTO card_orders ({', '.join(cols)}) SELECT {', '.join(exprs.get(x, 'src.' + x) for x in cols)} "
            "FROM g, card_orders AS src WHERE src.id = ?", (demo_order,))
        c.execute("INSERT INTO bench_pool SELECT id FROM card_orders WHERE account_id = ? AND id != ?", (worker_id, demo_order))
        c.execute("INSERT INTO order_events (id, order_id, status, at) "
                  "SELECT randomblob(16), o.id, o.status, o.created_at FROM card_orders o JOIN bench_pool p ON p.id = o.id")
        ids = [uuid_from_blob(r[0]) for r in c.execute("SELECT id FROM bench_pool")]
        n_accounts = c.execute("SELECT count(*) FROM accounts WHERE email LIKE 'bench-%'").fetchone()[0]
    c.close()
    return {"demo_order": uuid_from_blob(demo_order), "pool_ids": ids, "accounts": n_accounts}


def pg_copy_sql(db: PgDb, table: str, src_where: str, series: str, overrides: dict[str, str], returning: str = "") -> str:
    cols = db.columns(table)
    exprs = [overrides.get(col, f"src.{col}") for col in cols]
    ret = f" RETURNING {returning}" if returning else ""
    return (f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
            f"FROM {series} AS g, {table} AS src WHERE {src_where}{ret}")


def pg_v7(ms_expr: str) -> str:
    """A UUIDv7-shaped id from a millisecond timestamp, like the server's `Uuid::now_v7()`: id order is creation order."""
    return (f"(lpad(to_hex({ms_expr}), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || "
            f"'8' || substr(md5(random()::text), 1, 15))::uuid")


def pg_insert_orders_with_events(db: PgDb, series: str, overrides: dict[str, str], src_where: str) -> str:
    ins = pg_copy_sql(db, "card_orders", src_where, series, overrides, returning="id, status, created_at")
    return (f"WITH ins AS ({ins}) INSERT INTO order_events (id, order_id, status, at) "
            f"SELECT {pg_v7('(extract(epoch from created_at) * 1000)::bigint')}, id, status, created_at FROM ins;")


AWAITING = {"id": pg_v7("(extract(epoch from clock_timestamp()) * 1000)::bigint + g"), "status": "'awaiting_cardholder'", "version": "1"}


def seed_pg(db: PgDb, accounts: int, pool: int) -> dict:
    db.sql(pg_copy_sql(db, "accounts", f"src.email = '{WORKER[0]}'", f"generate_series(1, {int(accounts)})", {
        "id": "gen_random_uuid()",
        "email": "'bench-' || g || '@bench.test'",
        "phone": "'+4673' || lpad(g::text, 7, '0')",
        "person_id": "NULL",
        "roles": "'cardholder'",
    }) + ";")
    worker_id = db.sql(f"SELECT id FROM accounts WHERE email = '{WORKER[0]}'")
    demo_order = db.sql(f"SELECT id FROM card_orders WHERE account_id = '{worker_id}' ORDER BY id LIMIT 1")
    db.sql(pg_insert_orders_with_events(db, f"generate_series(1, {int(pool)})", AWAITING, f"src.id = '{demo_order}'"))
    ids = db.sql(f"SELECT id FROM card_orders WHERE account_id = '{worker_id}' AND id <> '{demo_order}'").split()
    n_accounts = int(db.sql("SELECT count(*) FROM accounts WHERE email LIKE 'bench-%'"))
    db.sql("ANALYZE;")
    return {"demo_order": demo_order, "pool_ids": ids, "accounts": n_accounts}


def reset_accept_pool(db: Db, demo_order: str) -> None:
    """Puts the demo worker's bench orders back to `awaiting_cardholder`, version 1, so that a repeated accept
    measurement accepts the same orders again (their status events and audit rows stay, as they would)."""
    if isinstance(db, SqliteDb):
        c = db.conn()
        with c:
            c.execute("UPDATE card_orders SET status = 'awaiting_cardholder', version = 1, mismatch_fields = NULL "
                      "WHERE account_id = (SELECT account_id FROM card_orders WHERE id = ?) AND id <> ? AND status <> 'awaiting_cardholder'",
                      (uuid.UUID(demo_order).bytes, uuid.UUID(demo_order).bytes))
        c.close()
    else:
        db.sql(f"UPDATE card_orders SET status = 'awaiting_cardholder', version = 1, mismatch_fields = NULL "
               f"WHERE account_id = (SELECT account_id FROM card_orders WHERE id = '{demo_order}') AND id <> '{demo_order}' "
               f"AND status <> 'awaiting_cardholder'")


def settle_outbox(db: Db, quiet: dict, timeout: float = 30.0) -> None:
    """Marks what earlier scenarios queued (SMS codes, emails) and the dispatcher has not handled as delivered, as
    the dev sink would: delivering it during the next measurement would charge that work to the next scenario.
    The dispatcher still delivers what is queued during a measurement."""
    t0 = time.time()
    sql = ("UPDATE outbox_messages SET status = 'sent', sent_at = created_at, last_error = NULL "
           "WHERE status IN ('pending', 'sending')")
    if isinstance(db, SqliteDb):
        c = db.conn(timeout)
        try:
            with c:
                c.execute(sql)
        finally:
            c.close()
    else:
        db.sql(sql + ";", timeout=int(timeout) + 30)
    quiet["settled"] = quiet.get("settled", 0.0) + time.time() - t0


class OrderPool:
    """Orders awaiting the worker, handed out in fresh slices (each accept round accepts orders no earlier
    round touched); when they run out, all are put back to `awaiting_cardholder` and handed out again."""

    def __init__(self, ids: list[str], reset):
        self.ids, self.reset, self.pos = ids, reset, 0

    def take(self, n: int) -> list[str]:
        if self.pos + n > len(self.ids):
            self.reset()
            self.pos = 0
        got = self.ids[self.pos:self.pos + n]
        self.pos += len(got)
        return got


class Accounts:
    """Hands out disjoint ranges of bench accounts (each gets at most 5 SMS codes an hour)."""

    def __init__(self, total: int):
        self.total = total
        self.next = 1

    def take(self, n: int) -> tuple[int, int]:
        n = max(1, min(n, self.total))
        if self.next + n - 1 > self.total:
            self.next = 1  # wrap: each account still gets far fewer than 5 codes an hour per run
        start = self.next
        self.next += n
        return start, n


# ----------------------------------------------------------------------------------- growth stages (PostgreSQL)


def growth_base(db: PgDb, bin_dir: Path, pool: int) -> dict:
    """The smallest stage's database: the demo data, 99 more companies, `pool` orders awaiting the worker."""
    run_sitecard(bin_dir, db.url, "migrate")
    run_sitecard(bin_dir, db.url, "seed-demo")
    worker_id = db.sql(f"SELECT id FROM accounts WHERE email = '{WORKER[0]}'")
    company = db.sql("SELECT id FROM companies ORDER BY created_at LIMIT 1")
    demo_order = db.sql(f"SELECT id FROM card_orders WHERE account_id = '{worker_id}' ORDER BY id LIMIT 1")
    # Half of the orders belong to the demo company, the rest spread over these.
    db.sql(pg_copy_sql(db, "companies", f"src.id = '{company}'", "generate_series(1, 99)", {
        "id": "gen_random_uuid()", "name": "'Bench Bygg ' || g", "org_number": "'BENCH-' || g"}) + ";")
    db.sql(pg_insert_orders_with_events(db, f"generate_series(1, {int(pool)})", AWAITING, f"src.id = '{demo_order}'"))
    return {"worker_id": worker_id, "company": company, "demo_order": demo_order, "offset": 0}


def growth_fill(st: dict, size: int) -> None:
    """Older orders of all kinds up to `size`, one status event each; ids time-ordered like the server's. A bulk
    load: the secondary indexes are dropped and built again from their own definitions, and the foreign-key
    triggers are off for the session (the rows copy existing ones, so the keys hold by construction)."""
    db = st["db"]
    statuses = ["confirmed", "in_production", "shipped", "delivered", "cancelled", "rejected", "needs_correction", "awaiting_cardholder"]
    status_expr = "(ARRAY[" + ",".join(f"'{s}'" for s in statuses) + f"])[1 + g % {len(statuses)}]"
    others = f"(ARRAY(SELECT id FROM companies WHERE id <> '{st['company']}' ORDER BY id))"
    base_ms = "(extract(epoch from now() - interval '400 days') * 1000)::bigint"
    filler = size - int(db.sql("SELECT count(*) FROM card_orders"))
    if filler <= 0:
        return
    offset = st["offset"]
    indexes = db.sql("SELECT x.indexrelid::regclass || ';' || pg_get_indexdef(x.indexrelid) FROM pg_index x "
                     "JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname IN ('card_orders', 'order_events') "
                     "AND t.relnamespace = current_schema()::regnamespace "
                     "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)").splitlines()
    drop = "".join(f"DROP INDEX {line.split(';', 1)[0]};\n" for line in indexes)
    create = "".join(f"{line.split(';', 1)[1]};\n" for line in indexes)
    insert = pg_insert_orders_with_events(db, f"generate_series({offset + 1}, {offset + filler})", {
        "id": pg_v7(f"{base_ms} + g * 20"),
        "company_id": f"CASE WHEN g % 2 = 0 THEN '{st['company']}'::uuid ELSE {others}[1 + g % 99] END",
        "status": status_expr, "version": "1 + g % 3", "account_id": "NULL",
        "email": "'w' || g || '@bench.test'", "given_names": "'Anna ' || g",
        "created_at": f"to_timestamp(({base_ms} + g * 20) / 1000.0)",
        "updated_at": f"to_timestamp(({base_ms} + g * 20) / 1000.0)",
    }, f"src.id = '{st['demo_order']}'")
    # The gates' feed grows with the cards: one status change per order, as if each had produced a card.
    feed = ("INSERT INTO card_status_changes (card_id, card_number, status, valid_until, changed_at) "
            "SELECT gen_random_uuid(), 'BN' || lpad(g::text, 10, '0'), (ARRAY['inactive','active','blocked','active'])[1 + g % 4], "
            f"(now() + interval '5 years')::date, to_timestamp(({base_ms} + g * 20) / 1000.0) "
            f"FROM generate_series({offset + 1}, {offset + filler}) AS g;")
    db.sql(f"SET session_replication_role = replica;\nSET maintenance_work_mem = '256MB';\n{drop}{insert}\n{feed}\n{create}", timeout=1800)
    st["offset"] = offset + filler
