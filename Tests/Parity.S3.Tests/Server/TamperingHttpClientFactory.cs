using Amazon.Runtime;

namespace Parity.S3.Tests.Server;

/// <summary>Hands the AWS SDK an HttpClient whose requests pass through a <see cref="BodyTamperingHandler"/>.</summary>
internal sealed class TamperingHttpClientFactory(BodyTamperingHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
}
