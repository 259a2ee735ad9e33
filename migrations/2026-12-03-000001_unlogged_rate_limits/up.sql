-- Rate-limit counters are hot rows: every signed-in createTicket of one user bumps the same
-- row. Logged, each bump waits for its WAL flush while holding the row lock, so one user's
-- requests serialise on the disk's fsync latency. Unlogged, a transaction that touches only
-- this table commits without waiting for a flush (and the lock is released at once). The
-- counters are worth nothing after a crash: Postgres empties an unlogged table on crash
-- recovery, which only opens the current hour's windows afresh.
ALTER TABLE rate_limit_counters SET UNLOGGED;
