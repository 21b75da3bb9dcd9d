-- nightly cleanup
TRUNCATE sessions;
DELETE FROM audit_log;
