using Microsoft.AspNetCore.Authorization;
using Parity.Dashboard.Configuration;

namespace Parity.Dashboard.Security;

/// <summary>
/// Keeps every endpoint on its own listener, and applies that listener's credential check:
/// the API key for OTLP/HTTP, the browser token (header or cookie) for the frontend.
/// gRPC credentials are checked by <see cref="OtlpApiKeyInterceptor"/> so that the reply is a gRPC status.
/// </summary>
public sealed class ListenerGuardMiddleware(RequestDelegate next, DashboardListeners listeners, DashboardSecrets secrets)
{
    public const string TokenCookieName = "parity-dashboard-token";

    public async Task InvokeAsync(HttpContext context)
    {
        var arrivedOn = listeners.RoleOf(context.Connection.LocalPort);
        var endpoint = context.GetEndpoint();
        var requiredRole = endpoint?.Metadata.GetMetadata<ListenerRoleMetadata>()?.Role;
        if (requiredRole is not null && requiredRole != arrivedOn)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var anonymous = endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var authorized = anonymous || arrivedOn switch
        {
            ListenerRole.OtlpHttp => secrets.IsValidOtlpApiKey(context.Request.Headers[OtlpApiKeyInterceptor.HeaderName]),
            ListenerRole.Frontend => secrets.IsValidBrowserToken(BrowserTokenOf(context.Request)),
            _ => true,
        };
        if (!authorized)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            if (arrivedOn == ListenerRole.Frontend)
            {
                await RefuseFrontendAsync(context);
            }

            return;
        }

        await next(context);
    }

    /// <summary>Tells a person in a browser how to sign in, and a program what to send.</summary>
    private static async Task RefuseFrontendAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(
                "Send the browser token as 'Authorization: Bearer <token>' (the t= value of the login URL).",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><title>Sign in · Parity</title><h1>Sign in to the Parity dashboard</h1>"
            + "<p>Open the login URL the AppHost printed when it started (<code>Dashboard: http://…/login?t=…</code>); "
            + "it is also in <code>.parity/run.json</code> under <code>dashboard.loginUrl</code>.</p>");
    }

    private static string? BrowserTokenOf(HttpRequest request)
    {
        const string bearer = "Bearer ";
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return header[bearer.Length..].Trim();
        }

        return request.Cookies[TokenCookieName];
    }
}
