using Parity.Dashboard.Resources;

namespace Parity.Dashboard.Api;

/// <summary>The AppHost's resources in the JSON API: the list (secret values masked at the source), and the commands.</summary>
public static class ResourceEndpoints
{
    public static void MapResources(this IEndpointRouteBuilder frontend)
    {
        frontend.MapGet("/api/resources", (IResourceSource source) =>
            Unavailable(source) ?? Results.Ok(source.Resources));

        frontend.MapPost("/api/resources/{name}/commands/{command}", async (
            string name, string command, IResourceSource source, CancellationToken cancellationToken) =>
        {
            if (Unavailable(source) is { } unavailable)
            {
                return unavailable;
            }
            if (!source.Resources.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return Results.Problem($"No resource is named '{name}'.", statusCode: StatusCodes.Status404NotFound);
            }
            try
            {
                // Routing leaves %2F escaped, and HTTP commands' names hold their path.
                await source.ExecuteCommandAsync(name, Uri.UnescapeDataString(command), cancellationToken);
                return Results.NoContent();
            }
            catch (ResourceCommandException e)
            {
                // The AppHost refused (an unknown command, a resource without a process) or could not be reached.
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
    }

    private static IResult? Unavailable(IResourceSource source) =>
        !source.IsConfigured
            ? Results.Problem("This dashboard runs without an AppHost: it has no resources.", statusCode: StatusCodes.Status404NotFound)
            : !source.IsConnected
                ? Results.Problem("Not connected to the AppHost yet: retry shortly.", statusCode: StatusCodes.Status503ServiceUnavailable)
                : null;
}
