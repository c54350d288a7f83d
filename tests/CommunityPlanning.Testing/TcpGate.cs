using System.Net;
using System.Net.Sockets;

namespace CommunityPlanning.Testing;

/// <summary>
/// A loopback TCP forwarder in front of a service (Azurite) that a test can close and open again on the same
/// port: while closed, connections are refused and open ones are cut, as if the service had stopped.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private readonly object _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    /// <summary>Opens a gate on a free loopback port that forwards to <paramref name="targetPort"/>.</summary>
    public TcpGate(int targetPort)
    {
        _target = targetPort;
        Port = Azurite.FreePort();
        Open();
    }

    /// <summary>The port to connect to.</summary>
    public int Port { get; }

    /// <summary>True while connections are let through.</summary>
    public bool IsOpen => _listener is not null;

    /// <summary>Starts letting connections through again.</summary>
    public void Open()
    {
        lock (_gate)
        {
            _stop = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Start();
            _ = AcceptAsync(_listener, _stop.Token);
        }
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _stop.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Close();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _target, cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, cancellationToken);
            _ = PumpAsync(outbound, inbound, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
