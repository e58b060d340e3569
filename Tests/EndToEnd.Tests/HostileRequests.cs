using System.Text;

namespace EndToEnd.Tests;

/// <summary>
/// Every request of the hostile-input run, in a fixed order from a seeded generator: bodies, path segments, query
/// values, methods, credentials and sizes, against every public endpoint of the gateway.
/// </summary>
internal static class HostileRequests
{
    /// <summary>The gateway's default limit on request bodies; product images may be larger.</summary>
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxImageBodyBytes = 5 * 1024 * 1024;

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

    public static List<HostileRequest> Generate(StoreSample sample, int seed)
    {
        var random = new Random(seed);
        return
        [
            .. HostileBodies.For(sample, random),
            .. PathSegments(sample),
            .. QueryValues(sample),
            .. MethodsOnEveryPath(sample),
            .. Credentials(sample),
            .. Sizes(sample),
            .. TraceHeaders(sample),
            .. Deletion(sample),
        ];
    }

    private static IEnumerable<HostileRequest> PathSegments(StoreSample sample)
    {
        string[] templates =
        [
            "/api/customers/{0}", "/api/customers/{0}/order-history", "/api/orders/{0}", "/api/products/{0}",
            "/api/products/{0}/image", "/api/recommendations/{0}", "/ws/orders/{0}", "/sse/orders/{0}",
        ];
        foreach (var template in templates)
        {
            foreach (var segment in HostileValues.PathSegments)
            {
                // A well-formed order id opens an event stream that stays open: not an answer to wait for.
                if (template.StartsWith("/sse/", StringComparison.Ordinal) && Guid.TryParse(Uri.UnescapeDataString(segment), out _))
                {
                    continue;
                }

                yield return new HostileRequest("GET", string.Format(template, segment), "hostile path segment") { Authorization = sample.Bearer };
            }
        }
    }

    private static IEnumerable<HostileRequest> QueryValues(StoreSample sample)
    {
        foreach (var value in HostileValues.QueryValues)
        {
            foreach (var query in new[] { $"/api/products?offset={value}", $"/api/products?limit={value}", $"/api/orders?customerId={value}" })
            {
                yield return new HostileRequest("GET", query, "hostile query value") { Authorization = sample.Bearer };
            }
        }

        yield return new HostileRequest("GET", "/api/orders", "required query value missing") { Authorization = sample.Bearer };
        yield return new HostileRequest("GET", $"/sse/orders/{sample.OrderId}?access_token=garbage", "bad token in the query") { Authorization = null };
        yield return new HostileRequest("GET", $"/api/products?{string.Join("&", Enumerable.Repeat("offset=1", 500))}", "a parameter repeated 500 times") { Authorization = sample.Bearer };
    }

    private static IEnumerable<HostileRequest> MethodsOnEveryPath(StoreSample sample)
    {
        string[] paths =
        [
            "/", "/api", "/api/token", "/api/customers", $"/api/customers/{sample.CustomerId}", $"/api/customers/{sample.CustomerId}/order-history",
            "/api/orders", $"/api/orders/{sample.OrderId}", "/api/products", $"/api/products/{sample.ProductId}/image",
            $"/api/recommendations/{sample.CustomerId}", $"/ws/orders/{sample.OrderId}", $"/sse/orders/{sample.OrderId}",
            "/api/unknown", "/nothing/here", "/api//customers", "/API/CUSTOMERS/1", "/api/customers/1/", "/health",
        ];
        foreach (var path in paths)
        {
            foreach (var method in Methods)
            {
                var streams = path.StartsWith("/sse/", StringComparison.Ordinal);
                if (streams && method is "GET" or "HEAD")
                {
                    continue; // the stream itself; its refusals are covered by the other sections
                }

                yield return new HostileRequest(method, path, "method on path") { Authorization = sample.Bearer, Body = method is "POST" or "PUT" or "PATCH" ? "{}"u8.ToArray() : null };
            }
        }
    }

    private static IEnumerable<HostileRequest> Credentials(StoreSample sample)
    {
        string[] paths =
        [
            $"/api/customers/{sample.CustomerId}", $"/api/customers/{sample.CustomerId}/order-history", $"/api/orders?customerId={sample.CustomerId}",
            "/api/products", $"/api/recommendations/{sample.CustomerId}", $"/ws/orders/{sample.OrderId}", $"/sse/orders/{sample.OrderId}",
        ];
        foreach (var path in paths)
        {
            foreach (var (header, description) in HostileTokens.For(sample.Token))
            {
                yield return new HostileRequest("GET", path, description) { Authorization = header };
            }
        }
    }

    private static IEnumerable<HostileRequest> Sizes(StoreSample sample)
    {
        var overLimit = CustomerWithNameOf(MaxBodyBytes);
        yield return new HostileRequest("POST", "/api/customers", "body over the limit") { Authorization = sample.Bearer, Body = overLimit };
        yield return new HostileRequest("POST", "/api/customers", "body over the limit, chunked") { Authorization = sample.Bearer, Body = overLimit, Chunked = true };
        yield return new HostileRequest("POST", "/api/customers", "body over the limit, no token") { Body = overLimit };
        yield return new HostileRequest("POST", "/api/token", "token request over the limit") { Body = overLimit };
        yield return new HostileRequest("POST", "/api/customers", "body just under the limit") { Authorization = sample.Bearer, Body = CustomerWithNameOf(MaxBodyBytes - 100) };
        yield return new HostileRequest("PUT", $"/api/products/{sample.ProductId}", "JSON over the limit") { Authorization = sample.Bearer, Body = overLimit };
        yield return Image(sample, MaxBodyBytes * 2, "an image over the general limit, within the image limit", chunked: false);
        yield return Image(sample, MaxBodyBytes * 2, "an image over the general limit, chunked", chunked: true);
        yield return Image(sample, MaxImageBodyBytes + 1, "an image over the image limit", chunked: false);
        yield return Image(sample, MaxImageBodyBytes + 1, "an image over the image limit, chunked", chunked: true);
        yield return Image(sample, 0, "an empty image", chunked: false) with { ContentType = "image/png" };
        yield return Image(sample, 10, "an image with a hostile content type", chunked: false) with { ContentType = "image/png; name=\"a\\\"b\"" };
        yield return Image(sample, 10, "an image of an unknown type", chunked: false) with { ContentType = "image/" };
        yield return Image(sample, 10, "an image without a content type", chunked: false) with { ContentType = null };
    }

    private static IEnumerable<HostileRequest> TraceHeaders(StoreSample sample)
    {
        string[] values = ["garbage", "00-00000000000000000000000000000000-0000000000000000-01", $"ff-{new string('f', 32)}-{new string('f', 16)}-ff", new string('0', 8000)];
        foreach (var value in values)
        {
            var headers = new[] { ("traceparent", value), ("tracestate", value) };
            yield return new HostileRequest("POST", "/api/orders", "hostile trace context") { Authorization = sample.Bearer, Headers = headers }
                .WithJson($$"""{"customerId":{{sample.CustomerId}},"orderTotal":1}""");
            yield return new HostileRequest("GET", $"/api/orders/{sample.OrderId}", "hostile trace context") { Authorization = sample.Bearer, Headers = headers };
        }
    }

    /// <summary>Last: it removes the sample product, which every earlier request may use.</summary>
    private static IEnumerable<HostileRequest> Deletion(StoreSample sample)
    {
        yield return new HostileRequest("DELETE", $"/api/products/{sample.ProductId}", "delete") { Authorization = sample.Bearer };
        yield return new HostileRequest("DELETE", $"/api/products/{sample.ProductId}", "delete twice") { Authorization = sample.Bearer };
    }

    private static HostileRequest Image(StoreSample sample, int bytes, string description, bool chunked) =>
        new("PUT", $"/api/products/{sample.ProductId}/image", description)
        {
            Authorization = sample.Bearer,
            Body = new byte[bytes],
            ContentType = "image/png",
            Chunked = chunked,
        };

    private static byte[] CustomerWithNameOf(int bytes) =>
        Encoding.UTF8.GetBytes($$"""{"name":"{{new string('n', bytes)}}","creditLimit":1}""");
}
