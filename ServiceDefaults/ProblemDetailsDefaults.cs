using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.Hosting;

/// <summary>How every service answers bad input: 4xx with problem details, never a 500.</summary>
public static class ProblemDetailsDefaults
{
    /// <summary>Problem details for errors, and strict JSON numbers: the web defaults accept "12" for a number.</summary>
    public static TBuilder AddProblemDetailsDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return builder;
    }

    /// <summary>Answers with a problem of this status, written by the registered problem details service.</summary>
    public static async Task WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// Unreadable bodies and query strings surface as BadHttpRequestException (thrown in Development, a bare 400
    /// elsewhere); both reach the client as problem details with their own status, and no error is logged for them.
    /// A body in a charset .NET cannot decode is refused with a 415 problem before any endpoint reads it.
    /// </summary>
    public static WebApplication UseClientErrorProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.Use(async (context, next) =>
        {
            if (DeclaredCharset(context.Request) is { } charset && !IsKnownCharset(charset))
            {
                // Left to the JSON reader, an unknown charset is an InvalidOperationException: a 500.
                await context.WriteProblemAsync(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset",
                    $"The body's charset '{charset}' is not one this service can decode; send UTF-8.");
                return;
            }

            await next(context);
        });
        return app;
    }

    private static string? DeclaredCharset(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && !StringSegment.IsNullOrEmpty(mediaType.Charset)
            ? HeaderUtilities.RemoveQuotes(mediaType.Charset).ToString()
            : null;

    private static bool IsKnownCharset(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
