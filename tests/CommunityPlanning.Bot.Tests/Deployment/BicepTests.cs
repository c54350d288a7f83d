namespace CommunityPlanning.Bot.Tests.Deployment;

/// <summary>infra/main.bicep must build and lint with no errors and no warnings, offline.</summary>
public sealed class BicepTests
{
    private static Task<ProcessResult> RunBicepAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(RepositoryPaths.BicepCli(), arguments, RepositoryPaths.Root, timeout: TimeSpan.FromMinutes(3));

    [Fact]
    public async Task Build_MainTemplate_SucceedsWithoutDiagnostics()
    {
        var result = await RunBicepAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Warning", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"webAppHostName\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"botId\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"keyVaultName\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MainTemplate_ReportsNothing()
    {
        var result = await RunBicepAsync("lint", RepositoryPaths.Combine("infra", "main.bicep"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Warning", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Build_MainTemplate_HasTheAgreedSecurityAndAppSettings()
    {
        var result = await RunBicepAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");
        Assert.True(result.ExitCode == 0, result.ToString());
        var template = result.StandardOutput;

        string[] expected =
        [
            "\"allowSharedKeyAccess\": false",
            "\"minimumTlsVersion\": \"TLS1_2\"",
            "\"allowBlobPublicAccess\": false",
            "\"httpsOnly\": true",
            "\"alwaysOn\": true",
            "\"healthCheckPath\": \"/healthz\"",
            "\"ftpsState\": \"Disabled\"",
            "\"linuxFxVersion\": \"DOTNETCORE|10.0\"",
            "\"enableRbacAuthorization\": true",
            "\"msaAppType\": \"UserAssignedMSI\"",
            "\"MsTeamsChannel\"",
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
            "4633458b-17de-408a-b874-0445c86b69e6",
            "@Microsoft.KeyVault(SecretUri=",
            "Slack__SigningSecret",
            "Slack__BotToken",
            "Slack__ClientId",
            "Slack__ClientSecret",
            "Slack__TokenEncryptionKeys__",
            "Slack__TokenEncryptionKeyId",
            "secrets/slack-token-key-",
            "/api/slack/oauth/callback",
            "Storage__ServiceUri",
            "Links__SigningKeys__",
            "Links__CurrentKeyId",
            "secrets/link-signing-key-",
            "[if(parameters('slackEnabled')",
            "Storage__QueueServiceUri",
            "PublicBaseUrl",
            "AZURE_CLIENT_ID",
            "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "MicrosoftAppTenantId",
            "keyVaultReferenceIdentity",
        ];
        Assert.All(expected, fragment => Assert.Contains(fragment, template, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_MainTemplate_NeverMakesOrWritesASecret()
    {
        // Keys are created once by the administrator (docs/DEPLOY.md): a redeployment must not replace them,
        // so the template neither generates a value nor writes any Key Vault secret.
        var result = await RunBicepAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");
        Assert.True(result.ExitCode == 0, result.ToString());

        Assert.DoesNotContain("newGuid", result.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Microsoft.KeyVault/vaults/secrets", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Minutes__SigningKey", result.StandardOutput, StringComparison.Ordinal);
    }
}
