using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Parity.Dashboard.Security;

/// <summary>Rejects gRPC exports that do not carry the OTLP API key.</summary>
public sealed class OtlpApiKeyInterceptor(DashboardSecrets secrets) : Interceptor
{
    public const string HeaderName = "x-otlp-api-key";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!secrets.IsValidOtlpApiKey(context.RequestHeaders.GetValue(HeaderName)))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Missing or invalid OTLP API key."));
        }

        return continuation(request, context);
    }
}
