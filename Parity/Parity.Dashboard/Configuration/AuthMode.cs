namespace Parity.Dashboard.Configuration;

public enum AuthMode
{
    ApiKey,
    BrowserToken,
    Unsecured,
}
