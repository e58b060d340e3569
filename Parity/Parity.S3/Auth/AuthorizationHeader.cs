namespace Parity.S3.Auth;

/// <summary>The parts of "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...".</summary>
internal sealed record AuthorizationHeader(CredentialScope Credential, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static AuthorizationHeader? TryParse(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var component in header[Algorithm.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = component.IndexOf('=');
            if (equals < 0)
            {
                return null;
            }

            var value = component[(equals + 1)..];
            switch (component[..equals])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: return null;
            }
        }

        var scope = credential is null ? null : CredentialScope.TryParse(credential);
        if (scope is null || string.IsNullOrEmpty(signedHeaders) || signature is null || !IsHexSignature(signature))
        {
            return null;
        }

        return new AuthorizationHeader(scope, signedHeaders.Split(';'), signature);
    }

    public static bool IsHexSignature(string signature) => signature.Length == 64 && signature.All(char.IsAsciiHexDigit);
}
