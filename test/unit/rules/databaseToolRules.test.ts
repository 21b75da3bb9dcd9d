import assert from 'node:assert/strict';
import { toolCall } from '../../../src/engine/rules/databaseToolRules';
import type { SimpleCommand } from '../../../src/engine/types';
import { decisionOf, findingsOf } from '../helpers';

/** [command line, rule id expected (null: no database finding, the command runs), target] */
type Row = [string, string | null, string?];

const ROWS: Row[] = [
  ['dropdb app_production', 'database.dropdb', 'app_production'],
  ['dropdb -h db.internal -U postgres --if-exists app', 'database.dropdb', 'app'],
  ['dropdb --help', null],
  ['createdb app', null],
  ['dropuser reporting', 'database.dropuser', 'reporting'],
  ['mysqladmin -u root -p drop shop', 'database.mysqladmin-drop', 'shop'],
  ['mysqladmin -u root status', null],
  ['mysqladmin create shop', null],
  ['pg_restore --clean -d app backup.dump', 'database.pg-restore-clean', 'app'],
  ['pg_restore -c -d app backup.dump', 'database.pg-restore-clean', 'app'],
  ['pg_restore -cd app backup.dump', 'database.pg-restore-clean', 'app'],
  ['pg_restore --clean --dbname=app backup.dump', 'database.pg-restore-clean', 'app'],
  ['pg_restore -d app backup.dump', null],
  ['pg_restore --clean backup.dump -f restore.sql', null],
  ['pg_dropcluster 16 main --stop', 'database.pg-dropcluster', '16/main'],
  ['supabase db reset', 'database.supabase-db-reset'],
  ['npx supabase db reset --linked', 'database.supabase-db-reset'],
  ['supabase db push', null],
  ['supabase db reset --help', null],
  ['npx prisma migrate reset', 'database.prisma-reset'],
  ['pnpm prisma migrate reset --force', 'database.prisma-reset'],
  ['yarn prisma db push --force-reset', 'database.prisma-reset'],
  ['pnpm exec prisma db push --accept-data-loss', 'database.prisma-reset'],
  ['npx prisma migrate deploy', null],
  ['npx prisma migrate dev --name init', null],
  ['npx prisma db push', null],
  ['rails db:drop', 'database.rails-db-destroy', 'db:drop'],
  ['bin/rails db:reset', 'database.rails-db-destroy', 'db:reset'],
  ['bin/rails db:schema:load', 'database.rails-db-destroy', 'db:schema:load'],
  ['bundle exec rake db:drop', 'database.rails-db-destroy', 'db:drop'],
  ['bundle exec rails db:migrate:reset', 'database.rails-db-destroy', 'db:migrate:reset'],
  ['rails db:migrate', null],
  ['bin/rails db:migrate VERSION=0', 'database.rails-db-destroy'],
  ['bin/rails db:migrate VERSION=20240101000000', null],
  ['npx drizzle-kit push --force', 'database.drizzle-push-force'],
  ['npx drizzle-kit push', null],
  ['npx drizzle-kit generate', null],
  ['bin/rails db:seed', null],
  ['bin/rails db:rollback STEP=1', null],
  ['python manage.py flush --noinput', 'database.django-flush'],
  ['python3 manage.py reset_db', 'database.django-flush'],
  ['./manage.py migrate shop zero', 'database.django-flush', 'shop'],
  ['poetry run python manage.py flush', 'database.django-flush'],
  ['python -m django flush --settings=app.settings', 'database.django-flush'],
  ['python manage.py migrate', null],
  ['python manage.py migrate shop 0003', null],
  ['php artisan migrate:fresh --seed', 'database.artisan-wipe'],
  ['php artisan migrate:reset', 'database.artisan-wipe'],
  ['php artisan migrate:refresh', 'database.artisan-wipe'],
  ['php artisan db:wipe', 'database.artisan-wipe'],
  ['sail artisan migrate:fresh', 'database.artisan-wipe'],
  ['php artisan migrate', null],
  ['php artisan migrate:rollback', null],
  ['npx knex migrate:rollback --all', 'database.migrations-rollback-all'],
  ['npx knex migrate:rollback', null],
  ['npx sequelize-cli db:migrate:undo:all', 'database.migrations-rollback-all'],
  ['npx sequelize-cli db:migrate:undo', null],
  ['alembic downgrade base', 'database.migrations-rollback-all'],
  ['alembic downgrade -1', null],
  ['flask db downgrade base', 'database.migrations-rollback-all'],
  ['migrate -path db/migrations -database "$DATABASE_URL" down', 'database.migrations-rollback-all'],
  ['migrate -path db/migrations -database "$DATABASE_URL" down 1', null],
  ['migrate -path db/migrations -database "$DATABASE_URL" up', null],
  ['goose postgres "$DSN" reset', 'database.migrations-rollback-all'],
  ['goose postgres "$DSN" up', null],
  ['npx sequelize-cli db:drop', 'database.orm-schema-drop'],
  ['npx typeorm schema:drop -d src/data-source.ts', 'database.orm-schema-drop'],
  ['npx typeorm migration:run -d src/data-source.ts', null],
  ['mix ecto.drop', 'database.orm-schema-drop'],
  ['mix ecto.migrate', null],
  ['dotnet ef database drop --force', 'database.orm-schema-drop'],
  ['dotnet ef database update', null],
  ['diesel database reset', 'database.orm-schema-drop'],
  ['sqlx database drop -y', 'database.orm-schema-drop'],
  ['atlas schema clean -u "$URL"', 'database.orm-schema-drop'],
  ['mongorestore --drop dump/', 'database.orm-schema-drop'],
  ['mongorestore dump/', null],
  ['flyway clean', 'database.migration-tool-clean'],
  ['flyway migrate', null],
  ['liquibase drop-all', 'database.migration-tool-clean'],
  ['liquibase update', null],
];

describe('database tool rules', () => {
  for (const [command, rule, target] of ROWS) {
    it(`${rule ?? 'runs'}: ${command}`, () => {
      const db = findingsOf(command).filter((f) => f.category === 'database');
      if (rule === null) {
        assert.deepEqual(db, []);
        assert.equal(decisionOf(command), 'allow');
        return;
      }
      const hit = db.find((f) => f.rule === rule);
      assert.ok(hit, `expected ${rule}, got ${JSON.stringify(db.map((f) => f.rule))}`);
      if (target !== undefined) assert.equal(hit.target, target);
      assert.notEqual(decisionOf(command), 'allow');
    });
  }

  describe('pg_ctl stop -m immediate', () => {
    it('only informs on an unknown environment', () => {
      const [f] = findingsOf('pg_ctl stop -m immediate -D ./pgdata');
      assert.equal(f.rule, 'database.pg-ctl-stop-immediate');
      assert.equal(f.severity, 'low');
      assert.equal(decisionOf('pg_ctl stop -m immediate -D ./pgdata'), 'allow');
    });
    it('asks on production', () => {
      assert.equal(decisionOf('RAILS_ENV=production pg_ctl stop -m immediate -D /var/lib/postgresql/data'), 'confirm');
    });
    it('ignores the other shutdown modes', () => {
      assert.deepEqual(findingsOf('pg_ctl stop -m fast'), []);
      assert.deepEqual(findingsOf('pg_ctl stop'), []);
    });
  });

  it('treats the linked Supabase project as more serious than the local one', () => {
    const [local] = findingsOf('supabase db reset');
    const [remote] = findingsOf('supabase db reset --linked');
    assert.equal(local.severity, 'high');
    assert.equal(remote.severity, 'critical');
  });

  describe('toolCall', () => {
    const sc = (name: string, args: string[]): SimpleCommand => ({ name, args, dynamic: args.map(() => false), assignments: {}, redirects: [], via: [], text: '' });
    const rows: Array<[string, string[], string, string[]]> = [
      ['bundle', ['exec', 'rake', 'db:drop'], 'rake', ['db:drop']],
      ['pnpm', ['prisma', 'migrate', 'reset'], 'prisma', ['migrate', 'reset']],
      ['pnpm', ['exec', 'prisma', 'db', 'push'], 'prisma', ['db', 'push']],
      ['python3', ['-u', 'manage.py', 'flush'], 'manage.py', ['flush']],
      ['uv', ['run', 'python', 'manage.py', 'flush'], 'manage.py', ['flush']],
      ['php', ['artisan', 'db:wipe'], 'artisan', ['db:wipe']],
      ['sail', ['artisan', 'db:wipe'], 'artisan', ['db:wipe']],
      ['pnpm', ['install'], 'pnpm', ['install']],
    ];
    for (const [name, args, tool, rest] of rows) {
      it(`${name} ${args.join(' ')} → ${tool}`, () => {
        const call = toolCall(sc(name, args));
        assert.equal(call.tool, tool);
        assert.deepEqual([...call.args], rest);
      });
    }
  });
});
