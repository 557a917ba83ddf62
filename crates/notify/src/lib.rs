//! Outgoing email and SMS: the transactional outbox, its dispatcher and the delivery adapters.
