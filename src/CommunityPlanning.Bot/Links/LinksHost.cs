using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Bot.Links;

/// <summary>The host's signed links: options checked at start-up and the one <see cref="LinkSigner"/>.</summary>
internal static partial class LinksHost
{
    private const string DevelopmentKeyId = "dev";

    /// <summary>
    /// Registers <see cref="LinkSigner"/>. Outside Development <c>Links:SigningKeys</c>, <c>Links:CurrentKeyId</c>
    /// and <c>PublicBaseUrl</c> are required; keys of the wrong shape stop the host in every environment.
    /// </summary>
    public static WebApplicationBuilder AddLinks(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<LinkOptions>()
            .Bind(builder.Configuration.GetSection(LinkOptions.Section))
            .Configure<IConfiguration>((o, configuration) =>
            {
                if (Uri.TryCreate(configuration["PublicBaseUrl"], UriKind.Absolute, out var url))
                {
                    o.PublicBaseUrl = url;
                }
            })
            .Validate<IConfiguration>(
                (_, configuration) => string.IsNullOrWhiteSpace(configuration["Minutes:SigningKey"]),
                "Minutes:SigningKey is no longer read: links are signed with Links:SigningKeys:{id} and Links:CurrentKeyId (see docs/DEPLOY.md). Move the key there as a new 256-bit key and remove Minutes:SigningKey.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LinkOptions>>(new LinkOptionsValidator(development));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LinkOptions>>().Value;
            var baseUrl = options.PublicBaseUrl ?? LinkOptions.DevelopmentBaseUrl;
            if (options.SigningKeys.Count == 0)
            {
                // Development only (validated above): links stop working when the host restarts.
                LogDevelopmentKey(sp.GetRequiredService<ILogger<LinkSigner>>());
                return new LinkSigner(new Dictionary<string, byte[]> { [DevelopmentKeyId] = RandomNumberGenerator.GetBytes(32) }, DevelopmentKeyId, baseUrl);
            }

            return new LinkSigner(options.KeyBytes(), options.CurrentKeyId!, baseUrl);
        });
        return builder;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "No Links:SigningKeys are set, so links are signed with a random key made at start-up: they stop working when the host restarts. Set one outside Development.")]
    private static partial void LogDevelopmentKey(ILogger logger);

    private sealed class LinkOptionsValidator(bool development) : IValidateOptions<LinkOptions>
    {
        public ValidateOptionsResult Validate(string? name, LinkOptions options) =>
            options.Problems(development) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
