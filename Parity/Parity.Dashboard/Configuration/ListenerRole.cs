namespace Parity.Dashboard.Configuration;

/// <summary>Which of the dashboard's three listeners a request arrived on.</summary>
public enum ListenerRole
{
    Unknown,
    OtlpGrpc,
    OtlpHttp,
    Frontend,
}
