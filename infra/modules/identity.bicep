// The one identity the bot runs as: the Azure Bot's app id (UserAssignedMSI), storage access and Key Vault reads.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id: the bot\'s Microsoft App ID.')
output clientId string = identity.properties.clientId

@description('Object id, for role assignments.')
output principalId string = identity.properties.principalId
