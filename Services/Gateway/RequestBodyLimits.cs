using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Configuration;

namespace Gateway;

/// <summary>
/// How large a request body the gateway accepts: <c>RequestLimits:MaxBodyBytes</c> for every route, and
/// <c>RequestLimits:MaxImageBodyBytes</c> for product images, the one body that is legitimately larger.
/// An oversized body is refused with a 413 problem before it is authenticated or forwarded.
/// </summary>
public static class RequestBodyLimits
{
    public const string MaxBodyBytesSetting = "RequestLimits:MaxBodyBytes";
    public const string MaxImageBodyBytesSetting = "RequestLimits:MaxImageBodyBytes";
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The catalog's own default image limit: the gateway must not refuse what the catalog would store.</summary>
    public const long DefaultMaxImageBodyBytes = 5 * 1024 * 1024;

    public static WebApplicationBuilder AddRequestBodyLimits(this WebApplicationBuilder builder)
    {
        var maxBodyBytes = ReadLimit(builder.Configuration, MaxBodyBytesSetting, DefaultMaxBodyBytes);
        // Kestrel enforces the limit on bodies of undeclared length (chunked) while they are read.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBodyBytes);
        builder.Services.AddSingleton(new BodyLimit(maxBodyBytes));
        return builder;
    }

    /// <summary>Refuses a request whose declared length exceeds its endpoint's limit; must run after routing.</summary>
    public static WebApplication UseRequestBodyLimits(this WebApplication app)
    {
        var defaultLimit = app.Services.GetRequiredService<BodyLimit>().MaxBytes;
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
            if (context.Request.ContentLength > limit)
            {
                await context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"A request body here may be at most {limit} bytes.");
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Gives the product image route its larger limit; routing applies it to the server's limit too.</summary>
    public static void AllowLargerImageBodies(IEndpointConventionBuilder endpoint, RouteConfig route, IConfiguration configuration)
    {
        if (route.RouteId == GatewayRoutes.ProductImagesRouteId)
        {
            endpoint.WithMetadata(new RequestSizeLimitAttribute(ReadLimit(configuration, MaxImageBodyBytesSetting, DefaultMaxImageBodyBytes)));
        }
    }

    private static long ReadLimit(IConfiguration configuration, string setting, long defaultValue)
    {
        var limit = configuration.GetValue(setting, defaultValue);
        return limit >= 1
            ? limit
            : throw new InvalidOperationException($"{setting} must be at least 1, not {limit}.");
    }

    private sealed record BodyLimit(long MaxBytes);
}
