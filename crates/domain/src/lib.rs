//! Sitecard's rules as plain types and functions: no I/O, no framework types.
