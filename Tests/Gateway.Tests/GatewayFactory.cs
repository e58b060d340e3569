using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Gateway.Tests;

/// <summary>
/// The gateway in-process, configured as the orchestrator configures it: settings only. Development, as a local run,
/// unless <paramref name="environment"/> says otherwise (the cluster runs Production).
/// </summary>
internal sealed class GatewayFactory(
    MovableServiceConfiguration discovery, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    : WebApplicationFactory<Program>
{
    public const string SigningKey = "a-signing-key-for-tests-only-32-bytes-or-more";

    public async Task<HttpClient> CreateAuthenticatedClientAsync(string user = "dev")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync(client, user));
        return client;
    }

    public static async Task<string> IssueTokenAsync(HttpClient client, string user = "dev")
    {
        using var response = await client.PostAsJsonAsync("/api/token", new { user }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenReply>(TestContext.Current.CancellationToken);
        return token!.AccessToken;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting(DevelopmentTokens.SigningKeySetting, SigningKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.Add(discovery));
    }
}
