namespace Parity.S3.Tests.Server;

/// <summary>
/// Sits between a client and the network and changes request bodies after the client signed them, the way an
/// attacker or a broken proxy would; headers, signature included, go through untouched.
/// </summary>
internal sealed class BodyTamperingHandler(Func<byte[], byte[]> tamper) : DelegatingHandler(new HttpClientHandler())
{
    public int TamperedRequests { get; private set; }

    /// <summary>Flips one byte of the data of an aws-chunked body: the first byte after the first chunk's header line.</summary>
    public static byte[] FlipFirstChunkDataByte(byte[] body)
    {
        var headerEnd = body.AsSpan().IndexOf("\r\n"u8);
        return FlipByteAt(body, headerEnd + 2);
    }

    public static byte[] FlipByteAt(byte[] body, int index)
    {
        var tampered = (byte[])body.Clone();
        tampered[index] ^= 0x01;
        return tampered;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Put && request.Content is not null)
        {
            var original = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            if (original.Length > 0)
            {
                var replaced = new ByteArrayContent(tamper(original));
                foreach (var (name, values) in request.Content.Headers)
                {
                    replaced.Headers.TryAddWithoutValidation(name, values);
                }

                request.Content = replaced;
                TamperedRequests++;
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
