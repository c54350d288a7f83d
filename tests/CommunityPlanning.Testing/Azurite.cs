using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace CommunityPlanning.Testing;

/// <summary>
/// Azurite for tests. scripts/test.sh starts one and sets CP_AZURITE_CONNECTION_STRING; without it
/// (running one test project directly), the first use starts Azurite from tooling/node_modules on free
/// loopback ports and stops it when the test process exits. Each test takes its own tables.
/// </summary>
public static class Azurite
{
    /// <summary>The account key every Azurite uses (public, documented, not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<string> Connection = new(StartOrReuse, LazyThreadSafetyMode.ExecutionAndPublication);
    private static Process? _process;

    /// <summary>The connection string of the Azurite in use.</summary>
    public static string ConnectionString => Connection.Value;

    /// <summary>A fresh, unique table prefix for one test.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A connection string for Azurite on the given ports.</summary>
    public static string ConnectionStringFor(int tablePort, int queuePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";

    /// <summary>A new table client on a fresh table (created).</summary>
    public static TableClient NewTable(string name = "plans", TableClientOptions? options = null)
    {
        var client = new TableClient(ConnectionString, NewTablePrefix() + name, options ?? new TableClientOptions());
        client.CreateIfNotExists();
        return client;
    }

    /// <summary>A free loopback TCP port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string StartOrReuse()
    {
        var fromScript = Environment.GetEnvironmentVariable("CP_AZURITE_CONNECTION_STRING");
        if (!string.IsNullOrWhiteSpace(fromScript))
        {
            return fromScript;
        }

        var azurite = RepoRoot.Combine("tooling", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed. Run scripts/test.sh (or `npm ci` in tooling/) first.");
        }

        int tablePort = FreePort(), queuePort = FreePort(), blobPort = FreePort();
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        WaitForPort(tablePort);
        WaitForPort(queuePort);
        return ConnectionStringFor(tablePort, queuePort);
    }

    private static void WaitForPort(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"Azurite did not open port {port} within 30 seconds.");
    }

    private static void Stop()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
