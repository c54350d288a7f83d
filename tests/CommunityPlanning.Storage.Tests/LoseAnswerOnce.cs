using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace CommunityPlanning.Storage.Tests;

/// <summary>Lets the next transaction reach storage, then fails as a dropped connection would on the way back.</summary>
internal sealed class LoseAnswerOnce : HttpPipelinePolicy
{
    public bool Armed { get; set; }

    /// <summary>A client of the named table on Azurite that goes through this policy and never retries on its own.</summary>
    public TableClient Client(string tableName)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        return new TableClient(CommunityPlanning.Testing.Azurite.ConnectionString, tableName, options);
    }

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
