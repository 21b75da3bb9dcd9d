import { POWERSHELL_RULES } from '../../../src/engine/rules/powershellRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['powershell.cloud-remove', 'Remove-AzResourceGroup -Name prod-rg -Force', 'prod-rg', 'Remove-AzResourceGroup -Name prod-rg -WhatIf'],
  ['powershell.cloud-remove', 'Remove-S3Bucket -BucketName uploads -DeleteBucketContent -Force', 'uploads', 'Get-S3Bucket -BucketName uploads'],
  ['powershell.invoke-expression', 'iex $cmd', '$cmd', "iex 'Get-Date'"],
  ['powershell.invoke-sqlcmd', "Invoke-Sqlcmd -ServerInstance prod-sql -Query 'DROP TABLE users'", 'users', "Invoke-Sqlcmd -ServerInstance prod-sql -Query 'SELECT 1'"],
  ['powershell.clear-content', 'Clear-Content app.db', 'app.db', 'Clear-Content build.log'],
];

describe('PowerShell rules', () => {
  describeRows(POWERSHELL_RULES, ROWS);
});
