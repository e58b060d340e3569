using System.Net;
using Microsoft.Extensions.Hosting;
using Store.Tests;

namespace Notifications.Tests;

/// <summary>A replica as the cluster runs it: Production, validating tokens from an OpenID Connect provider.</summary>
public sealed class ProductionStreamAuthenticationTests(NotificationsCluster cluster)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_an_authority_the_streams_accept_its_tokens_and_no_other()
    {
        await using var provider = await OidcProviderStandIn.StartAsync(CancellationToken);
        var settings = new Dictionary<string, string>(cluster.Settings)
        {
            [OidcAuthority.AuthoritySetting] = provider.Issuer,
            [OidcAuthority.AudienceSetting] = OidcProviderStandIn.Audience,
            // The stand-in serves plain HTTP on loopback; a real provider is reached over HTTPS.
            [OidcAuthority.RequireHttpsMetadataSetting] = "false",
        };
        await using var replica = NotificationsReplica.Start(settings, environment: "Production");

        var path = $"/sse/orders/{Guid.NewGuid()}";
        using var accepted = await ServerSentEventStream.OpenAsync(replica.Http(path), provider.Issue(), CancellationToken);
        using var developmentToken = await ServerSentEventStream.OpenAsync(replica.Http(path), TestTokens.Create(), CancellationToken);
        using var otherAudience = await ServerSentEventStream.OpenAsync(replica.Http(path), provider.Issue(audience: "another-api"), CancellationToken);

        Assert.Equal(HttpStatusCode.OK, accepted.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, developmentToken.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience.Response.StatusCode);
    }

    [Fact]
    public void Outside_development_the_signing_key_alone_does_not_start_the_service()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => NotificationsReplica.Start(cluster.Settings, environment: "Production"));

        Assert.StartsWith("Authentication__Authority is not set", failure.Message);
    }

    [Fact]
    public void Outside_development_no_authority_at_all_does_not_start_the_service_with_open_streams()
    {
        var withoutKey = cluster.Settings.Where(s => s.Key != DevelopmentTokens.SigningKeySetting).ToDictionary();

        var failure = Assert.Throws<InvalidOperationException>(() => NotificationsReplica.Start(withoutKey, environment: "Production"));

        Assert.Contains("never leaves its streams open", failure.Message);
    }
}
