namespace CommunityPlanning.Bot.Tests.EndToEnd;

/// <summary>
/// Captures why a host refused to start. WebApplicationFactory can report a refused start as an
/// <see cref="ObjectDisposedException"/> when the app's own thread tears the host down first (seen on a
/// loaded machine); the refusal is what a test checks, so such a start is tried again, a few times at most.
/// </summary>
internal static class StartRefusal
{
    private const int Tries = 5;

    public static Exception Capture(Action start)
    {
        Exception refusal = new InvalidOperationException("The host was never started.");
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            refusal = Assert.ThrowsAny<Exception>(start);
            if (refusal is not ObjectDisposedException)
            {
                return refusal;
            }
        }

        return refusal;
    }
}
