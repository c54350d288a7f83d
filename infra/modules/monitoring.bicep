// Workspace-based Application Insights: traces, metrics and logs land in one Log Analytics workspace.

@description('Name stem for the workspace and the Application Insights component.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Connection string for the app (not a secret: it only allows sending telemetry).')
output connectionString string = appInsights.properties.ConnectionString
