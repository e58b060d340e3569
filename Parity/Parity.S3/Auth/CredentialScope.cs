namespace Parity.S3.Auth;

/// <summary>The Credential of a SigV4 request: access-key/yyyyMMdd/region/service/aws4_request.</summary>
internal sealed record CredentialScope(string AccessKey, string Date, string Region, string Service)
{
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    public static CredentialScope? TryParse(string credential)
    {
        // From the end: an access key may itself contain '/', the four scope parts may not.
        var parts = credential.Split('/');
        if (parts.Length < 5 || parts[^1] != "aws4_request")
        {
            return null;
        }

        var accessKey = string.Join('/', parts[..^4]);
        var date = parts[^4];
        if (accessKey.Length == 0 || date.Length != 8 || !date.All(char.IsAsciiDigit))
        {
            return null;
        }

        return new CredentialScope(accessKey, date, parts[^3], parts[^2]);
    }
}
