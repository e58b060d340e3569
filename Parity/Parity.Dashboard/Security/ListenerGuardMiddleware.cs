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
            if (arrivedOn == ListenerRole.Frontend)
            {
                await SignInRefusal.For(context.Request).ExecuteAsync(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }

            return;
        }

        await next(context);
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
