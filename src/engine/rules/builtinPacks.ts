// The built-in rule packs, in the order their findings are reported.
// To add a pack: write `src/engine/rules/<domain>Rules.ts` exporting a RulePack, import it here.
import type { RulePack } from '../types';
import { CLOUD_RULES } from './cloudRules';
import { CLOUD_SQL_RULES } from './cloudSqlRules';
import { HTTP_RULES } from './httpRules';
import { FILESYSTEM_RULES } from './filesystemRules';
import { DISK_RULES } from './diskRules';
import { GIT_RULES } from './gitRules';
import { CONTAINER_RULES } from './containerRules';
import { KUBERNETES_RULES } from './kubernetesRules';
import { IAC_RULES } from './iacRules';
import { GUARD_RULES } from './guardRules';
import { SQL_RULES } from './sqlRules';
import { DATABASE_TOOL_RULES } from './databaseToolRules';
import { CREDENTIAL_RULES } from './credentialRules';
import { BACKUP_RULES } from './backupRules';
import { OBJECT_STORAGE_RULES } from './objectStorageRules';
import { QUEUE_RULES } from './queueRules';
import { SECRETS_RULES } from './secretsRules';
import { GIT_HOSTING_RULES } from './gitHostingRules';
import { PLATFORM_RULES } from './platformRules';
import { EMPTY_FILE_RULES } from './emptyFileRules';
import { MIRROR_DELETE_RULES } from './mirrorDeleteRules';
import { POWERSHELL_RULES } from './powershellRules';
import { fallbackPack, knownCommands } from './fallbackRules';

const KNOWN_PACKS: readonly RulePack[] = [
  CLOUD_RULES,
  CLOUD_SQL_RULES,
  HTTP_RULES,
  FILESYSTEM_RULES,
  DISK_RULES,
  GIT_RULES,
  CONTAINER_RULES,
  KUBERNETES_RULES,
  IAC_RULES,
  GUARD_RULES,
  SQL_RULES,
  DATABASE_TOOL_RULES,
  CREDENTIAL_RULES,
  BACKUP_RULES,
  OBJECT_STORAGE_RULES,
  QUEUE_RULES,
  SECRETS_RULES,
  GIT_HOSTING_RULES,
  PLATFORM_RULES,
  EMPTY_FILE_RULES,
  MIRROR_DELETE_RULES,
  POWERSHELL_RULES,
];

// Last: the guess for tools none of the packs above knows (they judge their own commands).
export const BUILTIN_PACKS: readonly RulePack[] = [...KNOWN_PACKS, fallbackPack(() => knownCommands(KNOWN_PACKS))];
