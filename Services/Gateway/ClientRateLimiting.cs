using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gateway;

/// <summary>
/// A token bucket per client: the authenticated user, else the remote address. <c>RateLimiting:PermitsPerSecond</c>
/// is both the sustained rate and the burst a client may spend at once.
/// </summary>
public static class ClientRateLimiting
{
    public const string PolicyName = "per-client";
    public const string PermitsPerSecondSetting = "RateLimiting:PermitsPerSecond";
    public const int DefaultPermitsPerSecond = 200;

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerSecond = configuration.GetValue(PermitsPerSecondSetting, DefaultPermitsPerSecond);
        if (permitsPerSecond < 1)
        {
            throw new InvalidOperationException($"{PermitsPerSecondSetting} must be at least 1, not {permitsPerSecond}.");
        }

        // One options object for every partition: the factory runs per request, and must not allocate.
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = permitsPerSecond,
            TokensPerPeriod = permitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            // Waiting in a queue would only hide the overload from the client: refuse at once.
            QueueLimit = 0,
        };
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, context => RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => bucket));
            options.OnRejected = RejectAsync;
        });
    }

    /// <summary>The partition key: a user's name, else an address; a struct, so the per-request lookup allocates nothing for a user.</summary>
    private readonly record struct Client(bool IsUser, string Id);

    private static Client ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } user }
            ? new Client(true, user)
            : new Client(false, context.Connection.RemoteIpAddress?.ToString() ?? "");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        }

        await context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests", "This client has used its request allowance; retry shortly.");
    }
}
