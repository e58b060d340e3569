using System.Text;

namespace EndToEnd.Tests;

/// <summary>One request of the hostile-input run: what is sent, and a short description for failure messages.</summary>
internal sealed record HostileRequest(string Method, string Target, string Description)
{
    private const int LargeBodyBytes = 64 * 1024;

    public byte[]? Body { get; init; }

    /// <summary>Sent as given, unparsed, so malformed values reach the server; null sends no Content-Type.</summary>
    public string? ContentType { get; init; } = "application/json";

    /// <summary>The Authorization header as given; null sends none.</summary>
    public string? Authorization { get; init; }

    /// <summary>Further headers, added without validation.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Sends the body without a Content-Length, so only the server's reading can tell its size.</summary>
    public bool Chunked { get; init; }

    public HostileRequest WithJson(string json) => this with { Body = Encoding.UTF8.GetBytes(json) };

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Target);
        if (Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Headers.TransferEncodingChunked = Chunked;
            // As clients send large bodies: the server may refuse one before it is sent.
            message.Headers.ExpectContinue = Body.Length > LargeBodyBytes;
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public override string ToString() =>
        $"{Method} {Truncated(Target)} [{Description}]{(Body is null ? "" : $" body {Body.Length} B {Truncated(Encoding.UTF8.GetString(Body))}")}";

    private static string Truncated(string text) => text.Length <= 120 ? text : $"{text[..120]}…";
}
