using System.Runtime.CompilerServices;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using CommunityPlanning.Conversations.Pipeline;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CommunityPlanning.Bot.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics to Application Insights, switched on by
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> (set by the Bicep in infra/). Off otherwise.
/// </summary>
internal static class Telemetry
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[ConnectionStringKey]))
        {
            return builder;
        }

        AddAzureMonitor(builder);
        return builder;
    }

    // Apart, and never inlined, so the OpenTelemetry and Azure Monitor assemblies are loaded only when telemetry is on:
    // a host without a connection string does not map and load them at start-up.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddAzureMonitor(WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry()
            .UseAzureMonitor(options => options.ConnectionString = builder.Configuration[ConnectionStringKey])
            .WithTracing(tracing => tracing.AddSource(TurnTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(TurnTelemetry.Name));
}
