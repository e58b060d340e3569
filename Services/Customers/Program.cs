using Customers;
using Microsoft.AspNetCore.Http.HttpResults;
using Store.Messaging.Contracts;
using Store.Messaging.Postgres;
using Store.Messaging.RabbitMQ;

var builder = WebApplication.CreateBuilder(args);

if (args.Contains(SchemaMigration.Command))
{
    return await SchemaMigration.RunAsync("customers", () => CustomersDatabase.ConnectionString(builder.Configuration), CustomersSchema.ApplyAsync);
}

builder.AddServiceDefaults();
builder.AddProblemDetailsDefaults();
builder.Services.AddPostgresDataSource(CustomersDatabase.ConnectionString);
builder.Services.AddSingleton<ICustomerStore, PostgresCustomerStore>();
builder.Services.AddSingleton<PostgresCreditReservations>();
builder.Services.AddRabbitMqMessaging(publishesTo: Exchanges.OrdersReplies);
builder.Services.AddPostgresOutbox();
builder.Services.AddHostedService<ReserveCreditConsumer>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(CustomersDatabase.Name, timeout: TimeSpan.FromSeconds(5));

var app = builder.Build();

app.UseClientErrorProblemDetails();
app.UseStatusCodePages();

app.MapPost("/customers", async Task<Results<Created<CustomerCreated>, ValidationProblem>> (
    CreateCustomerRequest request, ICustomerStore store, CancellationToken cancellationToken) =>
{
    var errors = request.Validate();
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }

    var customer = await store.AddAsync(request.Name!, request.CreditLimit!.Value, cancellationToken);
    return TypedResults.Created($"/customers/{customer.CustomerId}", new CustomerCreated(customer.CustomerId));
});

app.MapGet("/customers/{id:long}", async Task<Results<Ok<Customer>, ProblemHttpResult>> (
    long id, ICustomerStore store, CancellationToken cancellationToken) =>
    await store.FindAsync(id, cancellationToken) is { } customer
        ? TypedResults.Ok(customer)
        : TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Customer not found",
            detail: $"No customer has id {id}."));

app.MapDefaultEndpoints();

app.Run();
return 0;
