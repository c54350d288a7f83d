using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CommunityPlanning.Teams.Tests.Auth;

/// <summary>A host environment with just a name, for code that behaves differently in Development.</summary>
public sealed class TestEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;
    public string ApplicationName { get; set; } = "tests";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
