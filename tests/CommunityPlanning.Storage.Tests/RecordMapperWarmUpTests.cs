using CommunityPlanning.Conversations.Outbox;
using CommunityPlanning.Domain.Plans;

namespace CommunityPlanning.Storage.Tests;

public sealed class RecordMapperWarmUpTests
{
    [Fact]
    public void WarmUp_BuildsTheJsonMetadataOfEveryRecordType()
    {
        var types = RecordTypes.Default;

        new RecordMapper(types).WarmUp();

        // Both assemblies' record types are there, and each one's metadata could be built.
        Assert.Contains(typeof(PlanRecord), types.All);
        Assert.Contains(typeof(OutboxRecord), types.All);
        Assert.All(types.All, t => Assert.NotNull(RecordMapper.Json.GetTypeInfo(t)));
    }
}
