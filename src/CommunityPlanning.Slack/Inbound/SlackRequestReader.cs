using CommunityPlanning.Slack.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlanning.Slack.Inbound;

/// <summary>
/// Reads a Slack request's raw body once, at most <see cref="SlackOptions.MaxBodyBytes"/> (413 above), and
/// checks its signature before anything is parsed (401 when it is absent, wrong, stale or from the future).
/// </summary>
internal sealed partial class SlackRequestReader(SlackSignatureVerifier verifier, IOptions<SlackOptions> options, ILogger<SlackRequestReader> logger)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var max = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > max)
        {
            LogTooLarge(logger, http.Request.Path);
            return (null, TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var body = await ReadLimitedAsync(http.Request.Body, max, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            LogTooLarge(logger, http.Request.Path);
            return (null, TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var check = verifier.Check(http.Request.Headers[TimestampHeader], http.Request.Headers[SignatureHeader], body);
        if (check != SignatureCheck.Valid)
        {
            LogRefused(logger, http.Request.Path, check);
            return (null, TypedResults.Unauthorized());
        }

        return (body, null);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Refused a Slack request to {Path}: {Check}")]
    private static partial void LogRefused(ILogger logger, PathString path, SignatureCheck check);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Refused an oversized Slack request to {Path}")]
    private static partial void LogTooLarge(ILogger logger, PathString path);
}
