using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Customers.Tests;

public sealed class CustomersApiTests(CustomersFactory factory) : IClassFixture<CustomersFactory>
{
    private const string ProblemJson = "application/problem+json";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Created_customer_can_be_read_back()
    {
        var client = factory.CreateClient();

        var created = await client.PostAsJsonAsync("/customers", new { name = "Ada Lovelace", creditLimit = 1500.50m }, CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("customerId").GetInt64();
        Assert.Equal($"/customers/{customerId}", created.Headers.Location?.OriginalString);

        var customer = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location, CancellationToken);
        Assert.Equal(customerId, customer.GetProperty("customerId").GetInt64());
        Assert.Equal("Ada Lovelace", customer.GetProperty("name").GetString());
        Assert.Equal(1500.50m, customer.GetProperty("creditLimit").GetDecimal());
        Assert.Equal(1500.50m, customer.GetProperty("availableCredit").GetDecimal());
    }

    [Fact]
    public async Task Customers_get_distinct_ids()
    {
        var client = factory.CreateClient();

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var response = await client.PostAsJsonAsync("/customers", new { name = $"Customer {i}", creditLimit = i }, CancellationToken);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken)).GetProperty("customerId").GetInt64();
        }));

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task Unknown_customer_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync("/customers/987654321", CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("""{"name":"","creditLimit":10}""", "name")]
    [InlineData("""{"name":"   ","creditLimit":10}""", "name")]
    [InlineData("""{"creditLimit":10}""", "name")]
    [InlineData("""{"name":"a\u0000b","creditLimit":10}""", "name")]
    [InlineData("""{"name":"\u0000","creditLimit":10}""", "name")]
    [InlineData("""{"name":"Bob","creditLimit":-0.01}""", "creditLimit")]
    [InlineData("""{"name":"Bob"}""", "creditLimit")]
    [InlineData("""{"name":"Bob","creditLimit":10000000000000000}""", "creditLimit")]
    public async Task Invalid_customer_is_a_validation_problem(string body, string invalidField)
    {
        var response = await PostRawAsync(factory, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(invalidField, out _), problem.ToString());
    }

    [Fact]
    public async Task Name_longer_than_200_characters_is_a_validation_problem()
    {
        var atLimit = await factory.CreateClient().PostAsJsonAsync("/customers", new { name = new string('a', 200), creditLimit = 0 }, CancellationToken);
        var overLimit = await factory.CreateClient().PostAsJsonAsync("/customers", new { name = new string('a', 201), creditLimit = 0 }, CancellationToken);

        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overLimit.StatusCode);
        Assert.Equal(ProblemJson, overLimit.Content.Headers.ContentType?.MediaType);
    }

    // Development throws BadHttpRequestException for unreadable bodies, Production answers a bare 400:
    // both must come out as problem details.
    [Theory]
    [InlineData("Development", """{"name":"Bob","creditLimit":""")]
    [InlineData("Production", """{"name":"Bob","creditLimit":""")]
    [InlineData("Development", """{"name":"Bob","creditLimit":"lots"}""")]
    [InlineData("Production", """{"name":"Bob","creditLimit":"lots"}""")]
    [InlineData("Development", """{"name":"Bob","creditLimit":"12"}""")]
    [InlineData("Development", """{"name":42,"creditLimit":12}""")]
    [InlineData("Development", "null")]
    public async Task Unreadable_body_is_a_400_problem(string environment, string body)
    {
        using var app = factory.WithWebHostBuilder(host => host.UseEnvironment(environment));

        var response = await PostRawAsync(app, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=\"no-such-charset\"")]
    [InlineData("application/json; charset=utf-7")]
    public async Task Body_in_a_charset_the_service_cannot_decode_is_a_415_problem(string contentType)
    {
        var content = new ByteArrayContent("""{"name":"Bob","creditLimit":1}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await factory.CreateClient().PostAsync("/customers", content, CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_in_production(string path)
    {
        using var production = factory.WithWebHostBuilder(host => host.UseEnvironment("Production"));

        var response = await production.CreateClient().GetAsync(path, CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(CancellationToken));
    }

    private static Task<HttpResponseMessage> PostRawAsync(WebApplicationFactory<Program> app, string body) =>
        app.CreateClient().PostAsync(
            "/customers",
            new StringContent(body, Encoding.UTF8, "application/json"),
            CancellationToken);
}
