// PowerShell cmdlets that destroy data (DESIGN "PowerShell and cmd"): cloud modules' Remove-* cmdlets
// (Az, AWS Tools, Google Cloud), `Invoke-Sqlcmd -Query` with a
// destructive statement, `Clear-Content` of a data file, and `Invoke-Expression` of text computed at run time.
// `Remove-Item` and cmd.exe's `rd /s`/`del /s` are the filesystem pack's; `Invoke-RestMethod` is the HTTP pack's.
import type { Rule, RulePack } from '../types';
import { classifySql } from '../sql/sqlClassifier';
import { overwriteRisk } from './deletePathSafety';
import { code } from './scanArgs';
import { ownEntry } from '../ownEntry';

/** Cloud cmdlets that delete data or whole resources, by module. */
const CLOUD_CMDLETS: Readonly<Record<string, string>> = {
  'Remove-AzResourceGroup': 'the Azure resource group and every resource in it',
  'Remove-AzSqlDatabase': 'the Azure SQL database',
  'Remove-AzSqlServer': 'the Azure SQL server and its databases',
  'Remove-AzPostgreSqlFlexibleServer': 'the PostgreSQL server',
  'Remove-AzMySqlFlexibleServer': 'the MySQL server',
  'Remove-AzCosmosDBAccount': 'the Cosmos DB account',
  'Remove-AzStorageAccount': 'the storage account and every blob, file and table in it',
  'Remove-AzStorageContainer': 'the blob container and every blob in it',
  'Remove-AzStorageShare': 'the file share',
  'Remove-AzKeyVault': 'the key vault and its secrets',
  'Remove-AzKeyVaultSecret': 'the Key Vault secret',
  'Remove-AzVM': 'the virtual machine',
  'Remove-AzDisk': 'the managed disk',
  'Remove-AzSnapshot': 'the disk snapshot',
  'Remove-AzAksCluster': 'the AKS cluster',
  'Remove-AzRedisCache': 'the Redis cache',
  'Remove-AzWebApp': 'the web app',
  'Remove-S3Bucket': 'the S3 bucket',
  'Remove-EC2Volume': 'the EBS volume',
  'Remove-EC2Snapshot': 'the EBS snapshot',
  'Remove-EC2Instance': 'the EC2 instance',
  'Remove-RDSDBInstance': 'the RDS database instance',
  'Remove-RDSDBCluster': 'the RDS database cluster',
  'Remove-DDBTable': 'the DynamoDB table',
  'Remove-CFNStack': 'the CloudFormation stack and its resources',
  'Remove-SECSecret': 'the Secrets Manager secret',
  'Remove-SQSQueue': 'the SQS queue and its messages',
  'Remove-GcsBucket': 'the Cloud Storage bucket',
  'Remove-GceInstance': 'the Compute Engine instance',
  'Remove-GceDisk': 'the Compute Engine disk',
  'Remove-GcSqlInstance': 'the Cloud SQL instance',
};

/** Parameters that name the target (`-Name rg`, `-ResourceGroupName rg`, `-BucketName b`). */
const TARGET_PARAMS = ['-name', '-resourcegroupname', '-bucketname', '-tablename', '-dbinstanceidentifier', '-dbclusteridentifier', '-stackname', '-secretid', '-volumeid', '-instanceid', '-vaultname', '-databasename', '-servername', '-queueurl', '-bucket', '-instance'];

function paramValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < args.length; i++) if (names.includes(args[i].toLowerCase())) return args[i + 1];
  return undefined;
}

function whatIf(args: readonly string[]): boolean {
  return args.some((a) => a.toLowerCase() === '-whatif');
}

const cloudCmdlet: Rule = {
  id: 'powershell.cloud-remove',
  category: 'cloud',
  severity: 'high',
  commands: Object.keys(CLOUD_CMDLETS),
  summary: 'deletes a cloud resource with a PowerShell cmdlet',
  rationale: 'The Az, AWS Tools and Google Cloud PowerShell modules delete the same databases, buckets and groups as their CLIs; they ask the same way.',
  match(cmd) {
    if (whatIf(cmd.args)) return null;
    const target = paramValue(cmd.args, TARGET_PARAMS) ?? cmd.args.find((a) => !a.startsWith('-'));
    const what = ownEntry(CLOUD_CMDLETS, cmd.name);
    return { summary: `deletes ${target !== undefined ? `${code(target)}, ` : ''}${what}, with ${code(cmd.name)}`, target };
  },
};

// `[IO.Directory]::Delete(path, $true)` reaches no rule: the parser reads `[IO.Directory]::…` as a computed
// command name (a glob bracket) and asks (`opaque.computed-name`).

/** Text `Invoke-Expression` runs that is computed at run time: variables, concatenation, calls, a pipe. */
const COMPUTED = /[$+(`[]/;

const invokeExpression: Rule = {
  id: 'powershell.invoke-expression',
  category: 'opaque',
  severity: 'medium',
  commands: ['iex', 'Invoke-Expression', 'invoke-expression'],
  summary: 'runs text built at run time (Invoke-Expression)',
  rationale: "`iex` runs a string as code: text computed from variables, concatenation or a download cannot be read before it runs, so it asks.",
  match(cmd) {
    // Literal text is unwrapped by the parser like `eval` and judged as a command; what reaches here is computed.
    const text = cmd.args.join(' ');
    const computed = cmd.dynamic.some(Boolean) || COMPUTED.test(text) || cmd.pipeFrom !== undefined || text === '';
    if (!computed) return null;
    return { summary: `runs text built at run time with ${code(cmd.name)}; it cannot be read before it runs`, target: text || undefined };
  },
};

const invokeSqlcmd: Rule = {
  id: 'powershell.invoke-sqlcmd',
  category: 'sql',
  severity: 'high',
  commands: ['Invoke-Sqlcmd', 'invoke-sqlcmd'],
  summary: 'runs a destructive SQL statement (Invoke-Sqlcmd)',
  rationale: '`Invoke-Sqlcmd -Query` is `sqlcmd -Q` in PowerShell: the statement is judged by the SQL rules.',
  match(cmd) {
    const query = paramValue(cmd.args, ['-query', '-q']);
    if (query === undefined) return null;
    const found = classifySql(query, 'generic');
    if (found.length === 0) return null;
    const server = paramValue(cmd.args, ['-serverinstance', '-server']);
    return { summary: `${found.map((f) => f.summary).join('; ')}${server !== undefined ? ` on ${code(server)}` : ''} (${code('Invoke-Sqlcmd')})`, target: found[0].target, severity: found[0].severity };
  },
};

const clearContent: Rule = {
  id: 'powershell.clear-content',
  category: 'filesystem',
  severity: 'high',
  commands: ['Clear-Content', 'clear-content', 'clc'],
  summary: 'empties a file (Clear-Content)',
  rationale: '`Clear-Content` is `: > file`: a database file, a system file or a file outside the workspace asks.',
  match(cmd, rc) {
    if (whatIf(cmd.args)) return null;
    for (const a of cmd.args) {
      if (a.startsWith('-')) continue;
      const risk = overwriteRisk(a, rc.ctx.cwd);
      if (risk) return { summary: `empties ${risk.describe} (${code('Clear-Content')})`, target: a };
    }
    return null;
  },
};

export const POWERSHELL_RULES: RulePack = {
  name: 'powershell',
  rules: [cloudCmdlet, invokeExpression, invokeSqlcmd, clearContent],
};
