-- Every throttled attempt deletes the rows that have left the window. Without an index on `at` that
-- delete read the whole table, so an attack that filled it made every sign-in slower (bench/throttle.bench.ts).
CREATE INDEX `login_failure_at_idx` ON `login_failure` (`at`);