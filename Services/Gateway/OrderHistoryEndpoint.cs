using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway;

/// <summary>
/// GET /api/customers/{id}/order-history: the customer from customers and their orders from orders, composed here
/// so a client makes one call. A service that cannot answer makes it a 503 problem, never a hang or a 500.
/// </summary>
public static class OrderHistoryEndpoint
{
    public const string Path = "/api/customers/{id:long}/order-history";

    public static IServiceCollection AddOrderHistoryClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<CustomersClient>(http => http.BaseAddress = new Uri("http://customers"));
        return services.AddOrdersClient(configuration);
    }

    public static IEndpointRouteBuilder MapOrderHistoryEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetAsync).RequireAuthorization().RequireRateLimiting(ClientRateLimiting.PolicyName);
        return endpoints;
    }

    private static async Task<Results<Ok<OrderHistory>, ProblemHttpResult>> GetAsync(
        long id, CustomersClient customers, OrdersClient orders, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(OrderHistoryEndpoint));
        JsonElement? customer;
        try
        {
            customer = await customers.FindAsync(id, cancellationToken);
        }
        catch (Exception e) when (IsUpstreamFailure(e))
        {
            return Unavailable("customers", e, logger);
        }

        if (customer is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Customer not found",
                detail: $"No customer has id {id}.");
        }

        try
        {
            return TypedResults.Ok(new OrderHistory(customer.Value, await orders.ListForCustomerAsync(id, cancellationToken)));
        }
        catch (Exception e) when (IsUpstreamFailure(e))
        {
            return Unavailable("orders", e, logger);
        }
    }

    private static bool IsUpstreamFailure(Exception e) =>
        e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException;

    private static ProblemHttpResult Unavailable(string service, Exception e, ILogger logger)
    {
        if (e is BrokenCircuitException)
        {
            logger.LogWarning("Order history skipped {Service}: its circuit is open", service);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"The {service} service is unavailable",
                detail: $"Calls to {service} are paused after repeated failures; retry in a few seconds.");
        }

        logger.LogWarning(e, "Order history could not reach {Service}", service);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: $"The {service} service is unavailable",
            detail: $"{service} did not answer as expected; retry shortly.");
    }
}
