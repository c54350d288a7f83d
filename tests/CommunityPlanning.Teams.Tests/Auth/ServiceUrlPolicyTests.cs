using CommunityPlanning.Teams.Auth;

namespace CommunityPlanning.Teams.Tests.Auth;

public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.TrafficManager.NET/uk/")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://directline.botframework.com/v3/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc/")]
    [InlineData("https://canary.teams.microsoft.com/")]
    [InlineData("https://smba.trafficmanager.net:443/emea/")]
    public void IsAllowed_KnownBotFrameworkHost_True(string url)
    {
        Assert.True(new ServiceUrlPolicy(allowLoopback: false).IsAllowed(url));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net:8443/emea/")]
    [InlineData("https://botframework.com/")]
    [InlineData("https://teams.microsoft.com/")]
    [InlineData("https://botframework.com.evil.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.com/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://evil.com/smba.trafficmanager.net")]
    [InlineData("https://evil.com/?x=.botframework.com")]
    [InlineData("https://evil.com#.botframework.com")]
    [InlineData("https://smba.trafficmanager.net@evil.com/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/")]
    [InlineData("https://evil.com\\@smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net./emea/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://169.254.169.254/metadata")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://localhost:3978/")]
    [InlineData("https://[::1]/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void IsAllowed_AnythingElse_False(string? url)
    {
        Assert.False(new ServiceUrlPolicy(allowLoopback: false).IsAllowed(url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://127.0.0.5:3978/")]
    [InlineData("https://localhost:5001/")]
    [InlineData("http://LOCALHOST:3978/")]
    [InlineData("http://[::1]:3978/")]
    public void IsAllowed_LoopbackWhenAllowed_True(string url)
    {
        Assert.True(new ServiceUrlPolicy(allowLoopback: true).IsAllowed(url));
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://localhost.evil.com/")]
    [InlineData("http://user@127.0.0.1:3978/")]
    [InlineData("http://smba.trafficmanager.net/")]
    public void IsAllowed_NotLoopbackWhenLoopbackAllowed_False(string url)
    {
        Assert.False(new ServiceUrlPolicy(allowLoopback: true).IsAllowed(url));
    }

    [Theory]
    [InlineData("https://bots.example.org/", true)]
    [InlineData("https://a.b.sovereign.example/", true)]
    [InlineData("https://sovereign.example/", false)]
    [InlineData("https://other.example.org/", false)]
    public void IsAllowed_AdditionalHosts_MatchedExactlyOrBySuffix(string url, bool expected)
    {
        var policy = new ServiceUrlPolicy(allowLoopback: false, ["bots.example.org", "*.sovereign.example"]);

        Assert.Equal(expected, policy.IsAllowed(url));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("*.com.")]
    [InlineData("https://bots.example.org")]
    [InlineData("10.0.0.1")]
    [InlineData("bots.example.org/path")]
    [InlineData("localhost")]
    public void Constructor_InvalidAdditionalHost_Throws(string pattern)
    {
        Assert.Throws<ArgumentException>(() => new ServiceUrlPolicy(false, [pattern]));
    }
}
