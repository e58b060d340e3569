using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Parity.S3.Http;

/// <summary>
/// A path-style S3 request, read from the request target exactly as the client sent it: the signature covers the
/// client's own encoding of the path and query, which ASP.NET's already-decoded <see cref="HttpRequest.Path"/> loses.
/// </summary>
internal sealed class S3Request
{
    private const int MaxKeyBytes = 1024;

    private S3Request(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query, IHeaderDictionary headers)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        var relative = path.TrimStart('/');
        var slash = relative.IndexOf('/');
        Bucket = slash < 0 ? NullIfEmpty(relative) : relative[..slash];
        Key = slash < 0 ? null : NullIfEmpty(relative[(slash + 1)..]);
    }

    public string Method { get; }

    /// <summary>The decoded path, starting with '/'.</summary>
    public string Path { get; }

    /// <summary>The decoded query parameters in the order sent; a parameter without '=' has an empty value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public IHeaderDictionary Headers { get; }

    public string? Bucket { get; }

    public string? Key { get; }

    public string RequiredBucket => Bucket ?? throw S3Errors.MethodNotAllowed();

    public string RequiredKey => Key ?? throw S3Errors.MethodNotAllowed();

    public static S3Request From(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget))
        {
            rawTarget = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        }

        if (Uri.TryCreate(rawTarget, UriKind.Absolute, out var absolute) && !rawTarget.StartsWith('/'))
        {
            rawTarget = absolute.PathAndQuery;
        }

        var questionMark = rawTarget.IndexOf('?');
        var rawPath = questionMark < 0 ? rawTarget : rawTarget[..questionMark];
        var rawQuery = questionMark < 0 ? "" : rawTarget[(questionMark + 1)..];
        var request = new S3Request(context.Request.Method, Uri.UnescapeDataString(rawPath), ParseQuery(rawQuery), context.Request.Headers);
        if (request.Key is { } key && Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw S3Errors.KeyTooLong();
        }

        return request;
    }

    public bool HasQuery(string name) => Query.Any(pair => pair.Key == name);

    public string? QueryValue(string name)
    {
        foreach (var pair in Query)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public string? Header(string name)
    {
        var values = Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new(DecodeQueryComponent(name), DecodeQueryComponent(value)));
        }

        return pairs;
    }

    // '+' means a space in a query string, as S3 and MinIO read it; signers that mean '+' send %2B.
    private static string DecodeQueryComponent(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
