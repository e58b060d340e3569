using Microsoft.AspNetCore.Authorization;
using Parity.Dashboard.Components;
using Parity.Dashboard.Configuration;
using Parity.Dashboard.Otlp;
using Parity.Dashboard.Security;
using Parity.Dashboard.Storage;

namespace Parity.Dashboard.Api;

/// <summary>The frontend listener: health, login and the JSON API the UI reads.</summary>
public static class ApiEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 10_000;

    public static void MapFrontend(this IEndpointRouteBuilder app)
    {
        var frontend = app.MapGroup("").WithMetadata(new ListenerRoleMetadata(ListenerRole.Frontend));

        frontend.MapGet("/health", () => Results.Text("Healthy")).WithMetadata(new AllowAnonymousAttribute());
        frontend.MapGet("/login", Login).WithMetadata(new AllowAnonymousAttribute());

        // Each query reads the current run unless run=<id> names an earlier one the storage file keeps.
        frontend.MapGet("/api/runs", (ITelemetryRuns runs) => Results.Ok(runs.All));

        frontend.MapGet("/api/traces", (string? resource, string? limit, string? run, ITelemetryRuns runs) =>
        {
            if (!TryParseLimit(limit, out var take))
            {
                return InvalidLimit();
            }

            return runs.Open(run) is { } store
                ? Results.Ok(store.GetTraces(resource, take).Select(TraceView.From))
                : UnknownRun(run);
        });

        frontend.MapGet("/api/logs", (string? resource, string? level, string? text, string? limit, string? run, ITelemetryRuns runs) =>
        {
            if (!TryParseLimit(limit, out var take))
            {
                return InvalidLimit();
            }

            var minimum = 0;
            if (!string.IsNullOrEmpty(level) && !SeverityLevels.TryParseMinimum(level, out minimum))
            {
                return Results.Problem(
                    $"Unknown level '{level}'. Use trace, debug, information, warning, error or critical.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            return runs.Open(run) is { } store
                ? Results.Ok(store.GetLogs(new LogQuery(resource, minimum, text, take)).Select(LogView.From))
                : UnknownRun(run);
        });

        frontend.MapResources();

        frontend.MapGet("/api/metrics", (string? resource, string? run, ITelemetryRuns runs) =>
            runs.Open(run) is { } store
                ? Results.Ok(InstrumentView.Group(store.GetMetricPoints(resource)))
                : UnknownRun(run));

        frontend.MapStaticAssets();
        frontend.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    private static IResult Login(string? t, DashboardSecrets secrets, HttpContext context)
    {
        if (secrets.FrontendUnsecured)
        {
            return Results.Redirect("/");
        }

        if (!secrets.IsValidBrowserToken(t))
        {
            return SignInRefusal.For(context.Request);
        }

        context.Response.Cookies.Append(ListenerGuardMiddleware.TokenCookieName, t!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
        });
        return Results.Redirect("/");
    }

    private static bool TryParseLimit(string? text, out int limit)
    {
        limit = DefaultLimit;
        return string.IsNullOrEmpty(text) || (int.TryParse(text, out limit) && limit is > 0 and <= MaxLimit);
    }

    private static IResult UnknownRun(string? run) =>
        Results.Problem($"No telemetry is kept for run '{run}'; /api/runs lists the runs kept.", statusCode: StatusCodes.Status404NotFound);

    private static IResult InvalidLimit() =>
        Results.Problem($"limit must be a whole number from 1 to {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest);
}
