using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Parity.S3.Auth;
using Parity.S3.Http;

namespace Parity.S3.Tests.Unit;

/// <summary>The verifier against the examples AWS publishes for S3's Signature Version 4, and a few ways to get them wrong.</summary>
public sealed class SigV4VerifierTests
{
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Host = "examplebucket.s3.amazonaws.com";
    private static readonly DateTimeOffset ExampleTime = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accepts_the_published_get_object_example_with_a_range_header()
    {
        var request = Request("GET", "/test.txt", new()
        {
            ["Range"] = "bytes=0-9",
            ["x-amz-content-sha256"] = PayloadHashes.EmptySha256,
            ["x-amz-date"] = "20130524T000000Z",
            ["Authorization"] = Authorization("host;range;x-amz-content-sha256;x-amz-date", "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
        });

        var signed = Verifier().Verify(request);

        Assert.Equal("20130524/us-east-1/s3/aws4_request", signed.Scope);
        Assert.False(signed.IsPresigned);
    }

    [Fact]
    public void Accepts_the_published_put_object_example_whose_key_needs_encoding()
    {
        var request = Request("PUT", "/test%24file.text", new()
        {
            ["Date"] = "Fri, 24 May 2013 00:00:00 GMT",
            ["x-amz-date"] = "20130524T000000Z",
            ["x-amz-storage-class"] = "REDUCED_REDUNDANCY",
            ["x-amz-content-sha256"] = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
            ["Authorization"] = Authorization("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
        });

        Assert.Equal("test$file.text", request.Bucket);
        Assert.Equal("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072", Verifier().Verify(request).PayloadHash);
    }

    [Theory]
    [InlineData("/?lifecycle", "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")]
    [InlineData("/?max-keys=2&prefix=J", "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")]
    public void Accepts_the_published_bucket_examples_with_query_strings(string target, string signature)
    {
        var request = Request("GET", target, new()
        {
            ["x-amz-content-sha256"] = PayloadHashes.EmptySha256,
            ["x-amz-date"] = "20130524T000000Z",
            ["Authorization"] = Authorization("host;x-amz-content-sha256;x-amz-date", signature),
        });

        Assert.Equal(signature, Verifier().Verify(request).Signature);
    }

    [Fact]
    public void Accepts_the_published_presigned_url_until_it_expires()
    {
        const string target = "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

        var signed = Verifier(ExampleTime.AddHours(23)).Verify(Request("GET", target, []));
        Assert.True(signed.IsPresigned);
        Assert.Equal(PayloadHashes.Unsigned, signed.PayloadHash);

        var expired = Assert.Throws<S3Exception>(() => Verifier(ExampleTime.AddHours(25)).Verify(Request("GET", target, [])));
        Assert.Equal(("AccessDenied", 403), (expired.Code, expired.StatusCode));

        var tampered = Assert.Throws<S3Exception>(() => Verifier(ExampleTime).Verify(Request("GET", target.Replace("test.txt", "test2.txt", StringComparison.Ordinal), [])));
        Assert.Equal(("SignatureDoesNotMatch", 403), (tampered.Code, tampered.StatusCode));
    }

    [Theory]
    [InlineData("GET", "/test.txt", "SignatureDoesNotMatch", 403)]
    [InlineData("HEAD", "/test.txt", "SignatureDoesNotMatch", 403)]
    [InlineData("GET", "/test.txt?x=1", "SignatureDoesNotMatch", 403)]
    public void Refuses_the_example_once_anything_signed_changes(string method, string target, string code, int status)
    {
        var headers = new Dictionary<string, string>
        {
            ["Range"] = "bytes=0-10",
            ["x-amz-content-sha256"] = PayloadHashes.EmptySha256,
            ["x-amz-date"] = "20130524T000000Z",
            ["Authorization"] = Authorization("host;range;x-amz-content-sha256;x-amz-date", "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
        };

        var error = Assert.Throws<S3Exception>(() => Verifier().Verify(Request(method, target, headers)));
        Assert.Equal((code, status), (error.Code, error.StatusCode));
    }

    [Fact]
    public void Refuses_a_scope_for_another_region_or_service_as_malformed()
    {
        var headers = new Dictionary<string, string>
        {
            ["x-amz-content-sha256"] = PayloadHashes.EmptySha256,
            ["x-amz-date"] = "20130524T000000Z",
            ["Authorization"] = $"AWS4-HMAC-SHA256 Credential={AccessKey}/20130524/eu-west-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature={new string('0', 64)}",
        };

        var error = Assert.Throws<S3Exception>(() => Verifier().Verify(Request("GET", "/test.txt", headers)));
        Assert.Equal(("AuthorizationHeaderMalformed", 400), (error.Code, error.StatusCode));
        Assert.Contains("us-east-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_query_encodes_names_and_values_and_sorts_them()
    {
        var query = new List<KeyValuePair<string, string>> { new("prefix", "a b/ü"), new("delimiter", "/"), new("uploads", "") };

        Assert.Equal("delimiter=%2F&prefix=a%20b%2F%C3%BC&uploads=", CanonicalRequest.CanonicalQuery(query));
        Assert.Equal("/b/k%20%2B~%24/%F0%9F%98%80", S3UriEncoding.Encode("/b/k +~$/😀", keepSlash: true));
    }

    private static SigV4Verifier Verifier(DateTimeOffset? now = null) =>
        new(new S3ServerOptions("/unused", AccessKey, SecretKey, "us-east-1"), new FixedTimeProvider(now ?? ExampleTime),
            NullLogger<SigV4Verifier>.Instance);

    private static string Authorization(string signedHeaders, string signature) =>
        $"AWS4-HMAC-SHA256 Credential={AccessKey}/20130524/us-east-1/s3/aws4_request,SignedHeaders={signedHeaders},Signature={signature}";

    private static S3Request Request(string method, string target, Dictionary<string, string> headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.Host = Host;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        return S3Request.From(context);
    }
}
