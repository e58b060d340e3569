namespace Parity.Hosting.ApplicationModel;

public enum EndpointProperty
{
    Url,
    Host,
    IPV4Host,
    Port,
    Scheme,
    TargetPort,
    HostAndPort,
}
