// Command, view and item ids. Other engineers' code and the end-to-end tests rely on these exact names.
export const CommandId = {
  showLog: 'agentGuard.showLog',
  checkCommand: 'agentGuard.checkCommand',
  enable: 'agentGuard.enable',
  disable: 'agentGuard.disable',
  openSettings: 'agentGuard.openSettings',
  exportLog: 'agentGuard.exportLog',
  clearLog: 'agentGuard.clearLog',
  copyCommand: 'agentGuard.copyCommand',
  openLogFile: 'agentGuard.openLogFile',
  openRecord: 'agentGuard.openRecord',
  restorePoint: 'agentGuard.restorePoint',
  openRecordJson: 'agentGuard.openRecordJson',
  filterLog: 'agentGuard.filterLog',
  clearLogFilter: 'agentGuard.clearLogFilter',
  verifyLog: 'agentGuard.verifyLog',
} as const;

export const VIEW_CONTAINER_ID = 'agentGuard';
export const LOG_VIEW_ID = 'agentGuard.log';
export const STATUS_ITEM_ID = 'agentGuard.status';
export const RECORD_SCHEME = 'agent-guard-record';
