using Google.Protobuf;
using Parity.Dashboard.Configuration;
using Parity.Dashboard.Protocol.Collector.Logs;
using Parity.Dashboard.Protocol.Collector.Metrics;
using Parity.Dashboard.Protocol.Collector.Trace;

namespace Parity.Dashboard.Otlp;

/// <summary>OTLP over gRPC and over HTTP with binary protobuf bodies.</summary>
public static class OtlpEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";

    public static void MapOtlp(this IEndpointRouteBuilder app)
    {
        var grpc = new ListenerRoleMetadata(ListenerRole.OtlpGrpc);
        app.MapGrpcService<OtlpTraceReceiver>().WithMetadata(grpc);
        app.MapGrpcService<OtlpLogsReceiver>().WithMetadata(grpc);
        app.MapGrpcService<OtlpMetricsReceiver>().WithMetadata(grpc);

        var http = app.MapGroup("/v1").WithMetadata(new ListenerRoleMetadata(ListenerRole.OtlpHttp));
        http.MapPost("/traces", (HttpContext context, OtlpTraceReceiver receiver) =>
            ExportAsync(context, ExportTraceServiceRequest.Parser, receiver.Accept));
        http.MapPost("/logs", (HttpContext context, OtlpLogsReceiver receiver) =>
            ExportAsync(context, ExportLogsServiceRequest.Parser, receiver.Accept));
        http.MapPost("/metrics", (HttpContext context, OtlpMetricsReceiver receiver) =>
            ExportAsync(context, ExportMetricsServiceRequest.Parser, receiver.Accept));
    }

    private static async Task<IResult> ExportAsync<TRequest, TResponse>(
        HttpContext context, MessageParser<TRequest> parser, Func<TRequest, TResponse> accept)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        if (!IsProtobuf(context.Request.ContentType))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        // Buffered first because the protobuf parser reads synchronously and bodies may arrive chunked.
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;

        TRequest request;
        try
        {
            request = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return Results.Problem("The body is not a valid OTLP protobuf message.", statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Bytes(accept(request).ToByteArray(), ProtobufContentType);
    }

    private static bool IsProtobuf(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase);
}
