using Microsoft.AspNetCore.Http.HttpResults;
using Orders;
using Store.Messaging.Contracts;
using Store.Messaging.Postgres;
using Store.Messaging.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

if (args.Contains(SchemaMigration.Command))
{
    return await SchemaMigration.RunAsync("orders", () => OrdersDatabase.ConnectionString(builder.Configuration), OrdersSchema.ApplyAsync);
}

builder.AddServiceDefaults();
builder.AddProblemDetailsDefaults();
builder.Services.AddPostgresDataSource(OrdersDatabase.ConnectionString);
builder.Services.AddSingleton<PostgresOrderStore>();
builder.Services.AddRabbitMqMessaging(publishesTo: [Exchanges.CustomersCommands, Exchanges.OrderEvents]);
builder.Services.AddPostgresOutbox();
builder.Services.AddHostedService<CreditReplyConsumer>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(OrdersDatabase.Name, timeout: TimeSpan.FromSeconds(5));

var app = builder.Build();

app.UseClientErrorProblemDetails();
app.UseStatusCodePages();

// 202: the order exists at once, but whether it is approved is decided later, by the saga. With an Idempotency-Key,
// a repeat of the request (a client or the gateway retrying) returns the first answer and places nothing new.
app.MapPost("/orders", async Task<Results<Accepted<OrderAccepted>, StoredOrderAnswer, ValidationProblem, ProblemHttpResult>> (
    CreateOrderRequest request, HttpRequest http, PostgresOrderStore orders, CancellationToken cancellationToken) =>
{
    var errors = request.Validate();
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }

    var (key, keyError) = IdempotencyKey.Read(http.Headers[IdempotencyKey.HeaderName]);
    if (keyError is not null)
    {
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Idempotency-Key", detail: keyError);
    }
    if (key is not null)
    {
        return await orders.CreateOnceAsync(request, key, MessageTracing.CurrentTraceParent(), cancellationToken) is { } answer
            ? answer
            : TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: $"This customer already sent {IdempotencyKey.HeaderName} '{key.Value}' with a different order.");
    }

    var order = await orders.CreateAsync(request.CustomerId!.Value, request.OrderTotal!.Value, MessageTracing.CurrentTraceParent(), cancellationToken);
    return TypedResults.Accepted($"/orders/{order.OrderId}", new OrderAccepted(order.OrderId));
});

app.MapGet("/orders/{id:guid}", async Task<Results<Ok<Order>, ProblemHttpResult>> (
    Guid id, PostgresOrderStore orders, CancellationToken cancellationToken) =>
    await orders.FindAsync(id, cancellationToken) is { } order
        ? TypedResults.Ok(order)
        : TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Order not found",
            detail: $"No order has id {id}."));

app.MapGet("/orders", async (long customerId, PostgresOrderStore orders, CancellationToken cancellationToken) =>
    TypedResults.Ok(await orders.ListByCustomerAsync(customerId, cancellationToken)));

app.MapDefaultEndpoints();

app.Run();
return 0;
