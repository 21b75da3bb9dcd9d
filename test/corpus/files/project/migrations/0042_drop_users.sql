-- 0042: users moved to the accounts service
BEGIN;
DROP TABLE users;
COMMIT;
