using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Unreadable bodies and query strings surface as BadHttpRequestException (thrown in Development, a bare 400
    /// elsewhere); both reach the client as problem details with their own status, and no error is logged for them.
    /// </summary>
    public static WebApplication UseClientErrorProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        return app;
    }
}
