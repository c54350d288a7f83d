using CommunityPlanning.Bot.Apis;
using CommunityPlanning.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
app.MapHealthApi();
app.MapSiteApi();
app.MapChannelEndpoints();
app.Run();

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
