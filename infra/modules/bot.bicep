// The Azure Bot registration: the bot signs in as the user-assigned identity, and Teams is switched on.

@description('Bot resource name (globally unique handle).')
param name string

@description('Tags for every resource.')
param tags object

@description('Azure Bot SKU. F0 is free; Teams is a standard channel, so F0 is enough for Teams.')
param sku string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity: the bot\'s Microsoft App ID.')
param identityClientId string

@description('Host name of the web app, e.g. <name>.azurewebsites.net.')
param hostName string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: 'PlanBot'
    description: 'Helps a volunteer steering group work through Community Led Planning.'
    endpoint: 'https://${hostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: subscription().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Bot resource name.')
output name string = bot.name
