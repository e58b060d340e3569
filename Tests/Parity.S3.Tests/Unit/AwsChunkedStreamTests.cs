using System.Text;
using Parity.S3.Auth;
using Parity.S3.Http;
using Parity.S3.Payload;

namespace Parity.S3.Tests.Unit;

/// <summary>The aws-chunked decoder on AWS's published streaming upload: 66560 bytes of 'a' in chunks of 65536, 1024 and 0.</summary>
public sealed class AwsChunkedStreamTests
{
    private const string SeedSignature = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static readonly string[] ChunkSignatures =
    [
        "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
        "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
        "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
    ];

    private readonly CancellationToken cancellation = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(81920)]
    public async Task Decodes_and_verifies_the_published_signed_body_whatever_the_read_size(int readSize)
    {
        using var stream = new AwsChunkedStream(new MemoryStream(ExampleBody()), ExampleChain(), hasTrailer: false);

        var decoded = await ReadAllAsync(stream, readSize);

        Assert.Equal(66560, decoded.Length);
        Assert.All(decoded, b => Assert.Equal((byte)'a', b));
    }

    [Fact]
    public async Task Refuses_the_published_body_with_one_byte_changed()
    {
        var body = ExampleBody();
        body[66000] = (byte)'b'; // inside the second chunk
        using var stream = new AwsChunkedStream(new MemoryStream(body), ExampleChain(), hasTrailer: false);

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(stream, 4096));
        Assert.Equal(("SignatureDoesNotMatch", 403), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task Refuses_chunks_in_another_order()
    {
        var body = Encoding.ASCII.GetBytes($"400;chunk-signature={ChunkSignatures[1]}\r\n{new string('a', 1024)}\r\n");
        using var stream = new AwsChunkedStream(new MemoryStream(body), ExampleChain(), hasTrailer: false);

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(stream, 4096));
        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }

    [Fact]
    public async Task Reads_unsigned_chunks_and_collects_their_trailers()
    {
        var body = Encoding.ASCII.GetBytes("5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n");
        using var stream = new AwsChunkedStream(new MemoryStream(body), signatures: null, hasTrailer: true);

        Assert.Equal("hello world", Encoding.ASCII.GetString(await ReadAllAsync(stream, 3)));
        Assert.Equal("DUoRhQ==", stream.Trailers["x-amz-checksum-crc32"]);
    }

    [Theory]
    [InlineData("5\r\nhel")]
    [InlineData("5\r\nhelloXX0\r\n\r\n")]
    [InlineData("g\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\r\nhello\r\n")]
    public async Task Refuses_broken_framing_as_an_incomplete_body(string body)
    {
        using var stream = new AwsChunkedStream(new MemoryStream(Encoding.ASCII.GetBytes(body)), signatures: null, hasTrailer: false);

        var error = await Assert.ThrowsAsync<S3Exception>(() => ReadAllAsync(stream, 4096));
        Assert.Equal(("IncompleteBody", 400), (error.Code, error.StatusCode));
    }

    private static ChunkSignatureChain ExampleChain() =>
        new(SigningKey.Derive("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20130524", "us-east-1", "s3"),
            "20130524T000000Z", "20130524/us-east-1/s3/aws4_request", SeedSignature);

    private static byte[] ExampleBody()
    {
        var body = new StringBuilder();
        foreach (var (size, signature) in new[] { (65536, ChunkSignatures[0]), (1024, ChunkSignatures[1]), (0, ChunkSignatures[2]) })
        {
            body.Append($"{size:x};chunk-signature={signature}\r\n").Append('a', size).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(body.ToString());
    }

    private async Task<byte[]> ReadAllAsync(Stream stream, int readSize)
    {
        using var decoded = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
        {
            decoded.Write(buffer, 0, read);
        }

        return decoded.ToArray();
    }
}
