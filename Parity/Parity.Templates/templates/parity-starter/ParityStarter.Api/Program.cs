using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

// "migrate" applies the schema and exits: run once before the service (a run-once resource, a Kubernetes Job).
if (args is ["migrate", ..])
{
    await using var migrations = NpgsqlDataSource.Create(ConnectionString(new ConfigurationBuilder().AddEnvironmentVariables().Build()));
    await using var create = migrations.CreateCommand(
        "CREATE TABLE IF NOT EXISTS items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)");
    await create.ExecuteNonQueryAsync();
    Console.WriteLine("The schema is up to date.");
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddProblemDetailsDefaults();
builder.Services.AddSingleton(services => NpgsqlDataSource.Create(ConnectionString(services.GetRequiredService<IConfiguration>())));

var app = builder.Build();
app.UseClientErrorProblemDetails();
app.UseStatusCodePages();

app.MapGet("/items", async (NpgsqlDataSource db, CancellationToken cancellationToken) =>
{
    await using var command = db.CreateCommand("SELECT id, name FROM items ORDER BY id");
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    var items = new List<Item>();
    while (await reader.ReadAsync(cancellationToken))
    {
        items.Add(new Item(reader.GetInt64(0), reader.GetString(1)));
    }
    return items;
});

app.MapPost("/items", async Task<Results<Created<Item>, ValidationProblem>> (NewItem request, NpgsqlDataSource db, CancellationToken cancellationToken) =>
{
    if (string.IsNullOrWhiteSpace(request.Name))
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name is required."] });
    }
    await using var command = db.CreateCommand("INSERT INTO items (name) VALUES ($1) RETURNING id");
    command.Parameters.AddWithValue(request.Name);
    var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    return TypedResults.Created($"/items/{id}", new Item(id, request.Name));
});

app.MapDefaultEndpoints();
app.Run();

// The AppHost injects ConnectionStrings__db: the same key locally and in the cluster.
static string ConnectionString(IConfiguration configuration) =>
    configuration.GetConnectionString("db") ?? throw new InvalidOperationException("ConnectionStrings__db is not set: start the API from the AppHost.");

internal sealed record Item(long Id, string Name);

internal sealed record NewItem(string? Name);
