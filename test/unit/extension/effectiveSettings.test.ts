import * as assert from 'assert';
import { resolveSettings, settingsErrorMessage, validateOwnSettings } from '../../../src/extension/settings/effectiveSettings';
import type { SettingKey, SettingLayers } from '../../../src/extension/settings/effectiveSettings';

function layers(user: Partial<Record<SettingKey, unknown>>, ws: Partial<Record<SettingKey, unknown>>) {
  return (key: SettingKey): SettingLayers => ({ globalValue: user[key], workspaceValue: ws[key] });
}

describe('effective settings and Workspace Trust', () => {
  it('trusted: workspace values apply, rules from both levels add up', () => {
    const { settings, ignored } = resolveSettings(
      layers(
        { rules: [{ id: 'user.a', command: 'make' }], decisions: { high: 'confirm' } },
        { enabled: false, rules: [{ id: 'ws.b', command: 'rake' }], disabledRules: ['git.reset-hard'], decisions: { high: 'allow' }, allowForSession: true },
      ),
      true,
    );
    assert.strictEqual(settings.enabled, false);
    assert.deepStrictEqual((settings.policyInput.rules as Array<{ id: string }>).map((r) => r.id), ['ws.b', 'user.a']);
    assert.deepStrictEqual(settings.policyInput.disabledRules, ['git.reset-hard']);
    assert.deepStrictEqual(settings.policyInput.decisions, { high: 'allow' });
    assert.strictEqual(settings.allowForSession, true);
    assert.deepStrictEqual(ignored, []);
  });

  it('untrusted: the workspace cannot switch the guard off, disable rules, or loosen decisions', () => {
    const { settings, ignored } = resolveSettings(
      layers(
        { decisions: { high: 'confirm' } },
        {
          enabled: false,
          disabledRules: ['git.reset-hard'],
          decisions: { high: 'allow', critical: 'deny' },
          requireTypedNameForProduction: false,
          allowForSession: true,
          confirmTimeoutSeconds: 3000,
        },
      ),
      false,
    );
    assert.strictEqual(settings.enabled, true);
    assert.strictEqual(settings.policyInput.disabledRules, undefined);
    assert.deepStrictEqual(settings.policyInput.decisions, { high: 'confirm', critical: 'deny' }, 'tightening kept, loosening dropped');
    assert.strictEqual(settings.requireTypedNameForProduction, true);
    assert.strictEqual(settings.allowForSession, false);
    assert.strictEqual(settings.confirmTimeoutSeconds, 300);
    assert.deepStrictEqual(ignored.sort(), [
      'agentGuard.allowForSession',
      'agentGuard.confirmTimeoutSeconds',
      'agentGuard.decisions',
      'agentGuard.disabledRules',
      'agentGuard.enabled',
      'agentGuard.requireTypedNameForProduction',
    ]);
  });

  it('untrusted: only production mappings and extra rules are taken; a clashing rule id keeps the person’s', () => {
    const { settings } = resolveSettings(
      layers(
        { rules: [{ id: 'r', command: 'make', severity: 'critical' }] },
        {
          environments: [
            { pattern: '*prod*', name: 'dev', production: false },
            { pattern: 'db.acme.io', name: 'production', production: true },
          ],
          rules: [{ id: 'r', command: 'make', severity: 'low' }, { id: 'extra', command: 'rake' }],
          confirmTimeoutSeconds: 30,
        },
      ),
      false,
    );
    assert.deepStrictEqual(settings.policyInput.environments, [{ pattern: 'db.acme.io', name: 'production', production: true }]);
    assert.deepStrictEqual(settings.policyInput.rules, [{ id: 'r', command: 'make', severity: 'critical' }, { id: 'extra', command: 'rake' }]);
    assert.strictEqual(settings.confirmTimeoutSeconds, 30, 'a shorter limit only blocks sooner');
  });

  it('untrusted: a workspace may switch the guard on when the person had it off', () => {
    const { settings } = resolveSettings(layers({ enabled: false }, { enabled: true }), false);
    assert.strictEqual(settings.enabled, true);
  });

  it('validates its own settings and names the bad one', () => {
    const { settings } = resolveSettings(layers({ confirmTimeoutSeconds: 'soon', 'log.maxEntries': 5 }, {}), true);
    const v = validateOwnSettings(settings);
    assert.strictEqual(v.timeoutSeconds, 300);
    assert.deepStrictEqual(v.errors.map((e) => e.path), ['agentGuard.confirmTimeoutSeconds', 'agentGuard.log.maxEntries']);
    assert.match(settingsErrorMessage(v.errors), /^Agent Guard: invalid setting agentGuard\.confirmTimeoutSeconds .*last valid settings stay/);
  });
});
