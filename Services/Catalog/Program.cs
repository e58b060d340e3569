using Catalog;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);

if (args.Contains(SchemaMigration.Command))
{
    return await SchemaMigration.RunAsync("catalog", () => builder.Configuration.GetRequiredConnectionString("catalogdb", "its Postgres database"), CatalogSchema.ApplyAsync);
}

builder.AddServiceDefaults();
builder.AddProblemDetailsDefaults();
builder.Services.Configure<CatalogOptions>(builder.Configuration.GetSection(CatalogOptions.Section));

builder.Services.AddPostgresDataSource(configuration => configuration.GetRequiredConnectionString("catalogdb", "its Postgres database"));
builder.Services.AddSingleton<IProductStore, PostgresProductStore>();
builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
{
    var options = ConfigurationOptions.Parse(
        services.GetRequiredService<IConfiguration>().GetRequiredConnectionString("redis", "Redis for its read cache"));
    // Start even while Redis is away: the cache is an optimisation, and the multiplexer reconnects by itself.
    options.AbortOnConnectFail = false;
    return ConnectionMultiplexer.Connect(options);
});
builder.Services.AddSingleton<ProductCache>();
builder.Services.AddSingleton<CachedProductReader>();
builder.Services.AddSingleton<IProductImageStore>(services => new MinioProductImageStore(MinioProductImageStore.CreateClient(
    services.GetRequiredService<IConfiguration>().GetRequiredConnectionString("minio", "MinIO for product images"))));

var app = builder.Build();

app.UseClientErrorProblemDetails();
app.UseStatusCodePages();

app.MapProductEndpoints();
app.MapProductImageEndpoints();
app.MapDefaultEndpoints();

app.Run();
return 0;
