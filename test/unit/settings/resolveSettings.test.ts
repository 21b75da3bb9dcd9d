// The one settings resolver: every way a workspace can loosen the guard is ignored until the person
// accepts exactly that loosening; the machine policy holds its values against everyone above it.
import * as assert from 'assert';
import { resolveSettings } from '../../../src/settings/resolveSettings';
import type { RawSettings, ResolvedSettings } from '../../../src/settings/resolveSettings';
import type { SettingValues } from '../../../src/settings/settingTable';
import { settingsErrorMessage, validateOwnSettings } from '../../../src/settings/validateSettings';

interface LooseningRow {
  name: string;
  user?: SettingValues;
  workspace: SettingValues;
  /** The guarded value when the loosening is ignored, and the loosened one once accepted. */
  read(s: RawSettings): unknown;
  strict: unknown;
  loose: unknown;
}

const LOOSENINGS: LooseningRow[] = [
  { name: 'guard off', workspace: { enabled: false }, read: (s) => s.enabled, strict: true, loose: false },
  { name: 'disabled rules', workspace: { disabledRules: ['fs.rm-recursive'] }, read: (s) => s.policyInput.disabledRules, strict: [], loose: ['fs.rm-recursive'] },
  {
    name: 'a decision toward allow',
    workspace: { decisions: { critical: 'allow' } },
    read: (s) => (s.policyInput.decisions as Record<string, string> | undefined)?.critical,
    strict: undefined,
    loose: 'allow',
  },
  {
    name: 'a production match renamed non-production',
    workspace: { environments: [{ pattern: '*prod*', name: 'dev', production: false }] },
    read: (s) => s.policyInput.environments,
    strict: [],
    loose: [{ pattern: '*prod*', name: 'dev', production: false }],
  },
  { name: 'typed confirmation off', workspace: { requireTypedNameForProduction: false }, read: (s) => s.requireTypedNameForProduction, strict: true, loose: false },
  { name: 'session allows', workspace: { allowForSession: true }, read: (s) => s.allowForSession, strict: false, loose: true },
  { name: 'a longer timeout', workspace: { confirmTimeoutSeconds: 3600 }, read: (s) => s.confirmTimeoutSeconds, strict: 300, loose: 3600 },
  { name: 'fewer log entries', workspace: { 'log.maxEntries': 100 }, read: (s) => s.logMaxEntries, strict: 5000, loose: 100 },
  {
    name: "replacing the person's rule",
    user: { rules: [{ id: 'mine', command: 'make', severity: 'critical' }] },
    workspace: { rules: [{ id: 'mine', command: 'make', severity: 'low' }] },
    read: (s) => s.policyInput.rules,
    strict: [{ id: 'mine', command: 'make', severity: 'critical' }],
    loose: [{ id: 'mine', command: 'make', severity: 'low' }],
  },
  { name: 'restore points off', workspace: { 'restorePoints.enabled': false }, read: (s) => s.restorePoints.enabled, strict: true, loose: false },
];

function resolve(row: { user?: SettingValues; workspace: SettingValues }, opts: { trusted?: boolean; acceptedDigest?: string; machine?: SettingValues } = {}): ResolvedSettings {
  return resolveSettings({ machine: opts.machine, user: row.user, workspace: row.workspace }, { trusted: opts.trusted ?? true, acceptedDigest: opts.acceptedDigest });
}

/** `[]` and `undefined` both mean "nothing disabled / no mappings". */
function norm(v: unknown): unknown {
  return Array.isArray(v) && v.length === 0 ? undefined : v;
}

describe('settings resolver: workspace loosenings need the person', () => {
  for (const row of LOOSENINGS) {
    it(`${row.name}: ignored without acceptance, applied with a matching one`, () => {
      const plain = resolve(row);
      assert.ok(plain.loosening, 'recognised as a loosening');
      assert.strictEqual(plain.loosening.applied, false);
      assert.strictEqual(plain.loosening.reason, 'not-accepted');
      assert.ok(plain.loosening.items.length > 0 && plain.loosening.items.every((i) => i.what.length > 0));
      assert.deepStrictEqual(norm(row.read(plain.settings)), norm(row.strict));

      const accepted = resolve(row, { acceptedDigest: plain.loosening.digest });
      assert.strictEqual(accepted.loosening?.applied, true);
      assert.deepStrictEqual(norm(row.read(accepted.settings)), norm(row.loose));

      const other = resolve(row, { acceptedDigest: 'f'.repeat(64) });
      assert.deepStrictEqual(norm(row.read(other.settings)), norm(row.strict), 'an acceptance of another loosening does not apply');
    });

    it(`${row.name}: an untrusted workspace stays tighten-only even with a stored acceptance`, () => {
      const digest = resolve(row).loosening!.digest;
      const r = resolve(row, { trusted: false, acceptedDigest: digest });
      assert.strictEqual(r.loosening?.applied, false);
      assert.strictEqual(r.loosening?.reason, 'untrusted');
      assert.deepStrictEqual(norm(row.read(r.settings)), norm(row.strict));
    });
  }

  it('a changed loosening gets a new digest and is asked again', () => {
    const first = resolve({ workspace: { decisions: { critical: 'allow' } } });
    const accepted = resolve({ workspace: { decisions: { critical: 'allow', high: 'allow' } } }, { acceptedDigest: first.loosening!.digest });
    assert.notStrictEqual(accepted.loosening!.digest, first.loosening!.digest);
    assert.strictEqual(accepted.loosening!.applied, false);
    assert.strictEqual((accepted.settings.policyInput.decisions as Record<string, string> | undefined)?.critical, undefined);
  });

  it('the digest does not depend on the order keys were written in', () => {
    const a = resolve({ workspace: { decisions: { critical: 'allow', high: 'allow' } } });
    const b = resolve({ workspace: { decisions: { high: 'allow', critical: 'allow' } } });
    assert.strictEqual(a.loosening!.digest, b.loosening!.digest);
  });

  it('tightenings apply at once and are no loosening', () => {
    const r = resolve({
      user: { confirmTimeoutSeconds: 120 },
      workspace: {
        decisions: { critical: 'deny' },
        environments: [{ pattern: 'db.acme.io', name: 'production', production: true }],
        confirmTimeoutSeconds: 60,
        rules: [{ id: 'ws', command: 'rake' }],
        'log.maxEntries': 20000,
      },
    });
    assert.strictEqual(r.loosening, undefined);
    assert.deepStrictEqual(r.settings.policyInput.decisions, { critical: 'deny' });
    assert.deepStrictEqual(r.settings.policyInput.environments, [{ pattern: 'db.acme.io', name: 'production', production: true }]);
    assert.strictEqual(r.settings.confirmTimeoutSeconds, 60);
    assert.strictEqual(r.settings.logMaxEntries, 20000);
    assert.deepStrictEqual(r.settings.policyInput.rules, [{ id: 'ws', command: 'rake' }]);
  });

  it('a non-production mapping the built-ins already make (the demo’s *staging*) is no loosening and changes nothing', () => {
    const r = resolve({
      workspace: {
        environments: [
          { pattern: '127.0.0.1', name: 'production', production: true },
          { pattern: '*staging*', name: 'staging', production: false },
        ],
      },
    });
    assert.strictEqual(r.loosening, undefined);
    assert.deepStrictEqual(r.settings.policyInput.environments, [{ pattern: '127.0.0.1', name: 'production', production: true }]);
  });

  it('mixed: the tightening part applies while the loosening part waits', () => {
    const r = resolve({ workspace: { decisions: { critical: 'allow', high: 'deny' } } });
    assert.strictEqual(r.loosening?.applied, false);
    assert.deepStrictEqual(r.settings.policyInput.decisions, { high: 'deny' });
    assert.deepStrictEqual(r.ignored, ['agentGuard.decisions']);
  });

  it("the person's own values need no acceptance", () => {
    const r = resolve({ user: { enabled: false, decisions: { critical: 'allow' } }, workspace: {} });
    assert.strictEqual(r.loosening, undefined);
    assert.strictEqual(r.settings.enabled, false);
  });

  it('a workspace may switch the guard on when the person had it off', () => {
    const r = resolve({ user: { enabled: false }, workspace: { enabled: true } }, { trusted: false });
    assert.strictEqual(r.settings.enabled, true);
    assert.strictEqual(r.loosening, undefined);
  });
});

describe('settings resolver: the machine policy', () => {
  const machine: SettingValues = { enabled: true, decisions: { critical: 'deny' }, environments: [{ pattern: '*prod*', name: 'production', production: true }], confirmTimeoutSeconds: 120 };

  it('wins over the user and over an accepted workspace loosening', () => {
    const row = {
      user: { enabled: false, decisions: { critical: 'allow' }, confirmTimeoutSeconds: 600 },
      workspace: { enabled: false, decisions: { critical: 'allow' }, environments: [{ pattern: '*prod*', name: 'dev', production: false }], confirmTimeoutSeconds: 900 },
    };
    const digest = resolve(row, { machine }).loosening?.digest;
    const r = resolve(row, { machine, acceptedDigest: digest });
    assert.strictEqual(r.settings.enabled, true);
    assert.strictEqual((r.settings.policyInput.decisions as Record<string, string>).critical, 'deny');
    assert.strictEqual(r.settings.confirmTimeoutSeconds, 120);
    const envs = r.settings.policyInput.environments as Array<{ name: string }>;
    assert.strictEqual(envs[0]!.name, 'production', "the machine's mapping is checked first");
    assert.deepStrictEqual(r.managed.sort(), ['agentGuard.confirmTimeoutSeconds', 'agentGuard.decisions', 'agentGuard.enabled', 'agentGuard.environments']);
    assert.ok(r.heldByMachine.some((h) => h.setting === 'agentGuard.enabled'));
  });

  it('a workspace loosening of a setting it holds is not put to the person (accepting would change nothing)', () => {
    const r = resolve({ workspace: { enabled: false, allowForSession: true } }, { machine });
    assert.deepStrictEqual(r.loosening?.items.map((i) => i.setting), ['agentGuard.allowForSession']);
    assert.ok(r.heldByMachine.some((h) => h.setting === 'agentGuard.enabled'));
  });

  it('lets the user and the workspace tighten further', () => {
    const r = resolve({ user: { decisions: { high: 'deny' } }, workspace: { confirmTimeoutSeconds: 30 } }, { machine });
    assert.deepStrictEqual(r.settings.policyInput.decisions, { critical: 'deny', high: 'deny' });
    assert.strictEqual(r.settings.confirmTimeoutSeconds, 30);
  });

  it('settings it does not set stay the person’s', () => {
    const r = resolve({ user: { allowForSession: true }, workspace: {} }, { machine });
    assert.strictEqual(r.settings.allowForSession, true);
  });
});

describe('settings validation (outside the engine policy)', () => {
  it('names the bad setting and keeps the default for it', () => {
    const { settings } = resolve({ user: { confirmTimeoutSeconds: 'soon', 'log.maxEntries': 5 }, workspace: {} });
    const v = validateOwnSettings(settings);
    assert.strictEqual(v.timeoutSeconds, 300);
    assert.deepStrictEqual(v.errors.map((e) => e.path), ['agentGuard.confirmTimeoutSeconds', 'agentGuard.log.maxEntries']);
    assert.match(settingsErrorMessage(v.errors), /^Agent Guard: invalid setting agentGuard\.confirmTimeoutSeconds .*last valid settings stay/);
  });
});
