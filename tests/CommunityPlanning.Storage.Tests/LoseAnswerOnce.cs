using Azure.Core;
using Azure.Core.Pipeline;

namespace CommunityPlanning.Storage.Tests;

/// <summary>Lets the next transaction reach storage, then fails as a dropped connection would on the way back.</summary>
internal sealed class LoseAnswerOnce : HttpPipelinePolicy
{
    public bool Armed { get; set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (Armed && message.Request.Method == RequestMethod.Post && message.Request.Uri.ToString().Contains("$batch", StringComparison.Ordinal))
        {
            Armed = false;
            throw new IOException("The connection dropped before the answer arrived.");
        }
    }
}
