using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>What the gateway answered one hostile request: its status, and whether a refusal is a problem details body.</summary>
internal sealed record HostileAnswer(HostileRequest Request, int Status, string? MediaType, string Body)
{
    public bool IsRefusal => Status is >= 400 and < 500;

    /// <summary>An application/problem+json object whose status is the response's.</summary>
    public bool IsProblem => MediaType == "application/problem+json" && ProblemStatus() == Status;

    /// <summary>
    /// The refusals allowed without a body: a HEAD response never has one (RFC 9110, section 9.3.2), and Kestrel
    /// answers a bare 400 to a target that decodes to NUL, before any application code sees the request.
    /// </summary>
    public static bool MayOmitBody(HostileRequest request) =>
        request.Method == "HEAD" || request.Target.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    /// <summary>
    /// The one request allowed to go unanswered: a body of undeclared length over the limit. The gateway answers 413
    /// once it has read past the limit and closes the connection, which the client, still sending, may see first.
    /// </summary>
    public static bool MayGoUnanswered(HostileRequest request) => request.Chunked && request.Body?.Length > HostileRequests.MaxBodyBytes;

    public static async Task<HostileAnswer> SendAsync(HttpClient gateway, HostileRequest request, CancellationToken cancellationToken)
    {
        using var message = request.ToMessage();
        try
        {
            using var response = await gateway.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new HostileAnswer(request, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (HttpRequestException e)
        {
            // No answer at all: status 0, which the test counts as a failure like a 5xx.
            return new HostileAnswer(request, 0, null, e.Message);
        }
    }

    public override string ToString() =>
        $"{Status} {MediaType ?? "(no content type)"} {(Body.Length <= 160 ? Body : Body[..160] + "…")} <- {Request}";

    private int? ProblemStatus()
    {
        try
        {
            using var problem = JsonDocument.Parse(Body);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("status", out var status)
                && status.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
