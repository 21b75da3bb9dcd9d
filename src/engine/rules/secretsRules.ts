// Secrets and configuration platforms: a destroyed secret, a deleted project or environment of a secrets
// manager or feature-flag service is not in the repository (that is the point of keeping it there).
// Reading, listing, setting and `run` wrappers run. `aws secretsmanager/ssm`, `gcloud secrets` and
// `az keyvault` are rows of the cloud tables (cloudRules.ts). One table per CLI.
import type { RulePack } from '../types';
import { lazyPack } from './lazyPack';
import { cloudRulesOf } from './cloudVerbTable';
import type { CloudCli, VerbFamily } from './cloudVerbTable';

const FAMILY: VerbFamily = {
  prefix: 'secrets',
  category: 'secrets',
  rationale:
    'Secrets, keys and flag configurations are kept out of the repository on purpose; once destroyed they cannot be ' +
    'rebuilt from it, and every service that reads them breaks. Reading, listing, setting and running with them run.',
};

const DELETE = ['delete', 'del', 'rm', 'remove'] as const;

// HashiCorp Vault: `vault kv destroy -versions=1 secret/x`, `vault kv metadata delete`, `vault secrets disable`.
const VAULT: CloudCli = {
  cli: 'vault',
  names: ['vault', 'bao'],
  valueFlags: ['-address', '-namespace', '-ns', '-mount', '-format', '-field', '-ca-cert', '-client-cert', '-client-key', '-versions', '-output-curl-string'],
  targetFlags: ['-mount'],
  noEffect: ['-help', '-output-curl-string'],
  verbs: [
    { id: 'vault-kv-destroy', path: ['kv', 'destroy'], anchored: true, what: 'the secret versions (permanently)' },
    { id: 'vault-kv-metadata-delete', path: ['kv', 'metadata', 'delete'], anchored: true, what: 'the secret with every version and its history' },
    // `kv delete` is a soft delete on KV v2 (undelete exists) and final on KV v1.
    { id: 'vault-kv-delete', path: ['kv', 'delete'], anchored: true, what: 'the latest version of the secret', severity: 'medium' },
    // Disabling a secrets engine (or auth method) deletes every secret stored under its mount.
    { id: 'vault-secrets-disable', path: [['secrets', 'auth'], 'disable'], anchored: true, what: 'the secrets engine and every secret under its mount' },
    { id: 'vault-delete', path: ['delete'], anchored: true, what: 'the data at that Vault path', severity: 'medium' },
    { id: 'vault-operator-raft-remove', path: ['operator', 'raft', 'remove-peer'], anchored: true, what: 'a Vault cluster member', severity: 'medium' },
  ],
};

// Doppler: projects, environments, configs and secrets (`doppler run` is a wrapper and runs).
const DOPPLER: CloudCli = {
  cli: 'doppler',
  names: ['doppler'],
  valueFlags: ['-p', '--project', '-c', '--config', '--token', '--api-host', '--scope'],
  targetFlags: ['-p', '--project', '-c', '--config'],
  verbs: [
    { id: 'doppler-delete', path: [['projects', 'project', 'environments', 'environment', 'envs', 'configs', 'config'], DELETE], anchored: true, what: 'the Doppler project, environment or config (with its secrets)' },
    { id: 'doppler-secrets-delete', path: [['secrets', 'secret'], DELETE], anchored: true, what: 'the Doppler secrets' },
  ],
};

// 1Password: `op item delete`, `op vault delete`, `op document delete`.
const OP: CloudCli = {
  cli: 'op',
  names: ['op'],
  valueFlags: ['--vault', '--account', '--format', '--session', '--config'],
  targetFlags: ['--vault'],
  verbs: [
    { id: 'op-delete', path: [['item', 'items', 'document', 'documents', 'vault', 'vaults'], ['delete', 'rm', 'remove']], anchored: true, what: 'the 1Password item, document or vault' },
  ],
};

// Infisical and Bitwarden Secrets Manager.
const INFISICAL: CloudCli = {
  cli: 'infisical',
  names: ['infisical'],
  valueFlags: ['--env', '--path', '--projectId', '--token', '--domain'],
  verbs: [{ id: 'infisical-secrets-delete', path: [['secrets', 'secret'], DELETE], anchored: true, what: 'the Infisical secrets' }],
};

const BWS: CloudCli = {
  cli: 'bws',
  names: ['bws', 'bw'],
  valueFlags: ['--access-token', '-t', '--server-url', '--output', '-o', '--organizationid', '--session'],
  verbs: [
    { id: 'bws-delete', path: [['secret', 'secrets', 'project', 'projects'], DELETE], anchored: true, what: 'the Bitwarden secrets or project' },
    { id: 'bw-delete', path: ['delete', ['item', 'attachment', 'folder', 'org-collection']], anchored: true, what: 'the Bitwarden vault item' },
  ],
};

// Feature-flag and configuration platforms: projects, environments and flags hold targeting rules, not code.
const LAUNCHDARKLY: CloudCli = {
  cli: 'ldcli',
  names: ['ldcli'],
  valueFlags: ['--project', '--environment', '--access-token', '--base-uri', '-o', '--output', '--flag'],
  targetFlags: ['--project', '--environment', '--flag'],
  verbs: [
    { id: 'launchdarkly-delete', path: [['projects', 'environments', 'flags', 'segments', 'members'], 'delete'], anchored: true, what: 'the LaunchDarkly project, environment or flag (with its targeting rules)' },
  ],
};

const CONFIGCAT: CloudCli = {
  cli: 'configcat',
  names: ['configcat'],
  valueFlags: ['-i', '--id', '-p', '--product-id'],
  targetFlags: ['-i', '--id'],
  verbs: [{ id: 'configcat-delete', path: [['product', 'config', 'environment', 'flag', 'segment'], ['delete', 'rm']], anchored: true, what: 'the ConfigCat product, config, environment or flag' }],
};

const TABLES: readonly CloudCli[] = [VAULT, DOPPLER, OP, INFISICAL, BWS, LAUNCHDARKLY, CONFIGCAT];

// Built on the first command one of these tables names (lazyPack.ts).
export const SECRETS_RULES: RulePack = lazyPack('secrets', TABLES.flatMap((cli) => cli.names), () => TABLES.flatMap((cli) => cloudRulesOf(cli, FAMILY)));
