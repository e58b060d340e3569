using System.Net.Sockets;

namespace Parity.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint of a resource. <see cref="Port"/> is where others connect (fixed, or allocated at run time);
/// <see cref="TargetPort"/> is where the process itself listens (the container port in the cluster).
/// </summary>
public sealed class EndpointAnnotation(
    string name,
    string uriScheme = "tcp",
    int? port = null,
    int? targetPort = null,
    string? environmentVariable = null,
    bool isExternal = false,
    bool isProxied = true,
    ProtocolType protocol = ProtocolType.Tcp) : IResourceAnnotation
{
    public string Name { get; } = name;

    public string UriScheme { get; set; } = uriScheme;

    public int? Port { get; set; } = port;

    public int? TargetPort { get; set; } = targetPort;

    /// <summary>An environment variable through which the resource learns the port it must listen on.</summary>
    public string? EnvironmentVariable { get; set; } = environmentVariable;

    public bool IsExternal { get; set; } = isExternal;

    public bool IsProxied { get; set; } = isProxied;

    public ProtocolType Protocol { get; } = protocol;

    public bool IsHttp => UriScheme is "http" or "https";
}
