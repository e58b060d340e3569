using System.Net;

namespace Parity.Dashboard.Configuration;

/// <summary>The three listen addresses, and which role a local port plays.</summary>
public sealed class DashboardListeners
{
    public DashboardListeners(DashboardOptions options)
    {
        OtlpGrpc = ParseUrl(options.OtlpGrpcUrl, nameof(options.OtlpGrpcUrl));
        OtlpHttp = ParseUrl(options.OtlpHttpUrl, nameof(options.OtlpHttpUrl));
        Frontend = ParseUrl(options.FrontendUrl, nameof(options.FrontendUrl));
        FrontendUrl = options.FrontendUrl.TrimEnd('/');
    }

    public IPEndPoint OtlpGrpc { get; }

    public IPEndPoint OtlpHttp { get; }

    public IPEndPoint Frontend { get; }

    public string FrontendUrl { get; }

    public ListenerRole RoleOf(int localPort) =>
        localPort == OtlpGrpc.Port ? ListenerRole.OtlpGrpc
        : localPort == OtlpHttp.Port ? ListenerRole.OtlpHttp
        : localPort == Frontend.Port ? ListenerRole.Frontend
        : ListenerRole.Unknown;

    private static IPEndPoint ParseUrl(string url, string key)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port <= 0)
        {
            throw new InvalidOperationException($"Dashboard:{key} must be an http URL with an explicit port, got '{url}'.");
        }

        var address = uri.Host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" or "0.0.0.0" => IPAddress.Any,
            _ => IPAddress.Parse(uri.Host.Trim('[', ']')),
        };
        return new IPEndPoint(address, uri.Port);
    }
}
