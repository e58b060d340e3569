using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gateway;

/// <summary>
/// The orders client's resilience, configurable under <c>Resilience:Orders</c> with the names of
/// <see cref="HttpStandardResilienceOptions"/> (<c>CircuitBreaker:BreakDuration</c>, <c>AttemptTimeout:Timeout</c>, ...).
/// </summary>
public static class OrdersClientResilience
{
    public const string Section = "Resilience:Orders";

    public static IServiceCollection AddOrdersClient(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        // Service defaults give every client the standard handler; this client replaces it with its own rather than
        // stacking a second pipeline around it (the removal API is still marked for evaluation).
#pragma warning disable EXTEXP0001
        services.AddHttpClient<OrdersClient>(http => http.BaseAddress = new Uri("http://orders"))
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .AddStandardResilienceHandler(options =>
            {
                ApplyDefaults(options);
                section.Bind(options);
            });
        return services;
    }

    /// <summary>
    /// Open the breaker after a handful of failures and keep it open for seconds, so a failing orders service is
    /// left alone to recover and order history answers 503 at once instead of after every timeout.
    /// </summary>
    private static void ApplyDefaults(HttpStandardResilienceOptions options)
    {
        options.CircuitBreaker.MinimumThroughput = 5;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
        // One quick retry absorbs a blip; persistent failure is the breaker's to handle.
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.BackoffType = DelayBackoffType.Constant;
    }
}
