"""The checks; importing this package registers them in lib.registry (order = run order)."""

from . import contract, authz, auth_attacks, races, crash, multi_instance, db_faults, secrets_scan  # noqa: F401
