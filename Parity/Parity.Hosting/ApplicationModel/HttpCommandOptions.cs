namespace Parity.Hosting.ApplicationModel;

/// <summary>How a command added with <c>WithHttpCommand</c> sends its request and reads the answer.</summary>
public class HttpCommandOptions : CommandOptions
{
    internal static new HttpCommandOptions Default => new();

    /// <summary>The endpoint the request goes to (possibly another resource's); the resource's HTTP endpoint when null.</summary>
    public Func<EndpointReference>? EndpointSelector { get; set; }

    /// <summary>POST when null.</summary>
    public HttpMethod? Method { get; set; }

    /// <summary>A named client from <c>builder.Services.AddHttpClient(name, ...)</c>; the default client when null.</summary>
    public string? HttpClientName { get; set; }

    /// <summary>Adds headers or a body before the request is sent.</summary>
    public Func<HttpCommandRequestContext, Task>? PrepareRequest { get; set; }

    /// <summary>Turns the response into the command's result; success is any 2xx status when null.</summary>
    public Func<HttpCommandResultContext, Task<ExecuteCommandResult>>? GetCommandResult { get; set; }
}
